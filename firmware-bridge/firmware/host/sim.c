/* counter-sim --pty PATH --boards 1-4,7 [--baud 115200] [--epoch-base N]
 * Reopens the pty when it goes away (the test "unplugs" the adapter by killing socat). */
#include "sim.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

uint64_t sim_now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int open_pty(const char *path) {
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return -1;
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    return fd;
}

void sim_write_bus(sim_t *s, const uint8_t *buf, unsigned n) {
    if (s->fd < 0) return;
    if (s->baud > 0) {
        /* Line-rate model: the request and this reply take 10 bits per byte on the wire. */
        uint64_t us = (uint64_t)(s->rx_since_reply + n) * 10u * 1000000u / s->baud;
        struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000L};
        nanosleep(&ts, NULL);
    }
    s->rx_since_reply = 0;
    unsigned off = 0;
    for (int tries = 0; off < n && tries < 100; tries++) {
        ssize_t w = write(s->fd, buf + off, n - off);
        if (w > 0) off += (unsigned)w;
        else if (w < 0 && errno != EAGAIN && errno != EINTR) return;
        else usleep(100);
    }
}

static bool parse_boards(sim_t *s, const char *spec) {
    char copy[256];
    snprintf(copy, sizeof copy, "%s", spec);
    for (char *t = strtok(copy, ","); t; t = strtok(NULL, ",")) {
        int a, b;
        if (sscanf(t, "%d-%d", &a, &b) != 2) { if (sscanf(t, "%d", &a) != 1) return false; b = a; }
        if (a < 1 || b > (int)BUS_MAX_ADDR || a > b) return false;
        for (int i = a; i <= b; i++) s->boards[i].present = true;
    }
    return true;
}

int main(int argc, char **argv) {
    static sim_t sim;
    sim.fd = -1;
    sim.epoch_base = (uint16_t)(sim_now_us() ^ (uint64_t)getpid());
    const char *boards = "1";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--pty")) sim.pty_path = argv[i + 1];
        else if (!strcmp(argv[i], "--boards")) boards = argv[i + 1];
        else if (!strcmp(argv[i], "--baud")) sim.baud = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--epoch-base")) sim.epoch_base = (uint16_t)strtoul(argv[i + 1], NULL, 0);
        else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    if (!sim.pty_path || !parse_boards(&sim, boards)) {
        fprintf(stderr, "usage: counter-sim --pty PATH --boards 1-4,7 [--baud N] [--epoch-base N]\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (uint8_t a = 1; a <= BUS_MAX_ADDR; a++) if (sim.boards[a].present) sim_power_on(&sim, a);
    char line[512];
    size_t used = 0;
    uint64_t next_open_us = 0;
    printf("ready\n");
    for (;;) {
        uint64_t now_us = sim_now_us();
        if (sim.fd < 0 && now_us >= next_open_us) {
            sim.fd = open_pty(sim.pty_path);
            next_open_us = now_us + 50000u;
            if (sim.fd >= 0) printf("link up\n");
        }
        struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {sim.fd, POLLIN, 0}};
        int n = poll(p, sim.fd >= 0 ? 2 : 1, 1);
        sim_tick_all(&sim, (uint32_t)(sim_now_us() / 1000u));
        if (n > 0 && (p[0].revents & (POLLIN | POLLHUP))) {
            ssize_t r = read(STDIN_FILENO, line + used, sizeof line - 1 - used);
            if (r <= 0) return 0; /* the test went away */
            used += (size_t)r;
            line[used] = 0;
            char *nl;
            while ((nl = strchr(line, '\n')) != NULL) {
                *nl = 0;
                if (!sim_control(&sim, line)) return 0;
                memmove(line, nl + 1, strlen(nl + 1) + 1);
                used = strlen(line);
            }
            if (used == sizeof line - 1) { printf("err line too long\n"); used = 0; }
        }
        if (sim.fd >= 0 && n > 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            uint8_t buf[256];
            ssize_t r = read(sim.fd, buf, sizeof buf);
            if (r > 0) {
                for (ssize_t i = 0; i < r; i++) {
                    sim.rx_since_reply++;
                    for (uint8_t a = 1; a <= BUS_MAX_ADDR; a++) {
                        if (sim.boards[a].powered) board_rx_byte(&sim.boards[a].b, buf[i]);
                    }
                }
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                close(sim.fd); /* the other end vanished: the adapter was unplugged */
                sim.fd = -1;
                printf("link down\n");
                next_open_us = sim_now_us() + 50000u;
            }
        }
    }
}
