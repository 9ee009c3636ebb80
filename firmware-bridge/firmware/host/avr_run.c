/*
 * Runs the real AVR image (build/counter-board.elf) in simavr, one simulated ATmega328P per
 * address, all on ONE pseudo-terminal like boards on one RS-485 pair: every byte the master
 * writes reaches every MCU's UART, every byte an MCU sends goes to the master and to the other
 * MCUs (which must ignore replies). Each board's 74HC595 chain is read off its SPI and latch
 * pins, its keypad rows are driven from the column register, its DIP switch sets its address.
 * Throttled so it never runs ahead of real time (on a loaded machine it runs slower, which only
 * stretches the boards' turnaround).
 * DIP switch: simavr 1.6 lets a pull-up written to PORTD override an externally driven pin
 * (simavr issue 432), so the switch levels are driven again after every batch of cycles; the
 * firmware samples them 5 ms after enabling the pull-ups, as a real board must anyway.
 *   avr-run counter-board.elf ADDRESS [ADDRESS...]
 * stdin:  press ADDRESS KEY... | reset ADDRESS | quit     (same key names as counter-sim;
 *         reset = power glitch: RAM and registers lost, EEPROM kept)
 * stdout: ready PTY | digits ADDRESS [TEXT] CC | ok ... | err ...
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "avr_eeprom.h"
#include "avr_ioport.h"
#include "avr_spi.h"
#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"

#define MAX_BOARDS 8

typedef struct {
    avr_t *avr;
    int address;
    uint8_t chain[7];        /* last 7 bytes shifted: digits 0..5, then the column byte */
    char shown[16];
    int press_pos;           /* raw key position held down, -1 none */
    uint64_t phase_end;      /* cycle where the current press/release phase ends */
    int pending[32], npending;
} board_sim_t;

static board_sim_t boards[MAX_BOARDS];
static int nboards;
static elf_firmware_t firmware;
static int pty_master = -1;

static const char GLYPH_CHARS[] = "0123456789AbCdEFGHIJLnoPqrStUy- ";
static const uint8_t GLYPH_SEGS[] = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F,
    0x77, 0x7C, 0x39, 0x5E, 0x79, 0x71, 0x3D, 0x76, 0x30, 0x1E, 0x38, 0x54, 0x5C, 0x73, 0x67,
    0x50, 0x6D, 0x78, 0x3E, 0x6E, 0x40, 0x00};
static const char *KEYS[] = {"CALL_NEXT", "RECALL", "SKIP", "TRANSFER", "START", "DONE", "PAUSE",
                             "RATE_1", "RATE_2", "RATE_3", "RATE_4", "PARK", "CALL_PARKED",
                             "RECALL_NO_SHOW"};

static char glyph_char(uint8_t seg) {
    for (unsigned i = 0; i < sizeof GLYPH_SEGS; i++) if (GLYPH_SEGS[i] == seg) return GLYPH_CHARS[i];
    return '?';
}

static void spi_out(avr_irq_t *irq, uint32_t value, void *param) {
    board_sim_t *b = param;
    (void)irq;
    memmove(b->chain, b->chain + 1, 6);
    b->chain[6] = (uint8_t)value;
}

/* Latch rising: the 595 outputs change. Decode the digits; drive the keypad rows. */
static void latch(avr_irq_t *irq, uint32_t value, void *param) {
    board_sim_t *b = param;
    (void)irq;
    if (!value) return;
    int col = -1;
    for (int c = 0; c < 6; c++) if (!(b->chain[6] & (1u << c))) col = c;
    for (int r = 0; r < 4; r++) {
        int down = b->press_pos >= 0 && b->press_pos / 6 == r && b->press_pos % 6 == col;
        avr_raise_irq(avr_io_getirq(b->avr, AVR_IOCTL_IOPORT_GETIRQ('C'), r), down ? 0 : 1);
    }
    const uint8_t *c = b->chain;
    char text[16];
    snprintf(text, sizeof text, "[%c%c%c%c] %c%c", glyph_char(c[0]), glyph_char(c[1]), glyph_char(c[2]),
             glyph_char(c[3]), glyph_char(c[4]), glyph_char(c[5]));
    if (strcmp(text, b->shown) != 0) {
        strcpy(b->shown, text);
        printf("digits %d %s\n", b->address, text);
    }
}

/* A byte leaves one MCU's UART: onto the wire, heard by the master and every other board. */
static void uart_out(avr_irq_t *irq, uint32_t value, void *param) {
    board_sim_t *from = param;
    (void)irq;
    uint8_t byte = (uint8_t)value;
    if (write(pty_master, &byte, 1) != 1) { /* master side closed: the byte is lost, as on a cable */ }
    for (int i = 0; i < nboards; i++) {
        if (&boards[i] != from) avr_raise_irq(avr_io_getirq(boards[i].avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT), byte);
    }
}

static void drive_dip(board_sim_t *b) {
    for (int bit = 0; bit < 5; bit++) {  /* switch ON pulls the pin to GND: bit set */
        int on = ((b->address - 1) >> bit) & 1;
        avr_raise_irq(avr_io_getirq(b->avr, AVR_IOCTL_IOPORT_GETIRQ('D'), 3 + bit), on ? 0 : 1);
    }
}

static int boot(board_sim_t *b, elf_firmware_t *fw);

static int key_pos(const char *name) {
    if (name[0] >= '0' && name[0] <= '9' && name[1] == 0) return name[0] - '0';
    for (int i = 0; i < (int)(sizeof KEYS / sizeof KEYS[0]); i++) if (!strcmp(name, KEYS[i])) return 10 + i;
    return -1;
}

static int control(char *line) {
    char *cmd = strtok(line, " \r\n");
    if (!cmd) return 1;
    if (!strcmp(cmd, "quit")) return 0;
    if (strcmp(cmd, "press") != 0 && strcmp(cmd, "reset") != 0) { printf("err unknown command %s\n", cmd); return 1; }
    char *a = strtok(NULL, " \r\n");
    board_sim_t *b = NULL;
    for (int i = 0; a && i < nboards; i++) if (boards[i].address == atoi(a)) b = &boards[i];
    if (!b) { printf("err %s: unknown board\n", cmd); return 1; }
    if (!strcmp(cmd, "reset")) {
        /* A fresh MCU with the old EEPROM: simavr's own avr_reset keeps stale cycle timers. */
        uint8_t eeprom[1024];
        avr_eeprom_desc_t ee = {.ee = eeprom, .offset = 0, .size = sizeof eeprom};
        avr_ioctl(b->avr, AVR_IOCTL_EEPROM_GET, &ee);
        if (ee.ee != eeprom) memcpy(eeprom, ee.ee, sizeof eeprom); /* GET may hand back its own buffer */
        ee.ee = eeprom;
        avr_terminate(b->avr);
        memset(b->chain, 0, sizeof b->chain);
        b->npending = 0;
        b->phase_end = 0;
        if (boot(b, &firmware)) { printf("err reset %d failed\n", b->address); return 1; }
        avr_ioctl(b->avr, AVR_IOCTL_EEPROM_SET, &ee);
        printf("ok reset %d\n", b->address);
        return 1;
    }
    for (char *t; (t = strtok(NULL, " \r\n")) != NULL;) {
        int p = key_pos(t);
        if (p < 0 || b->npending == 32) { printf("err bad key %s\n", t); return 1; }
        b->pending[b->npending++] = p;
    }
    printf("ok press %d\n", b->address);
    return 1;
}

static void keys_step(board_sim_t *b) {
    if (b->avr->cycle < b->phase_end) return;
    uint64_t ms40 = (uint64_t)b->avr->frequency / 25u;
    if (b->press_pos >= 0) { b->press_pos = -1; b->phase_end = b->avr->cycle + ms40; }
    else if (b->npending) {
        b->press_pos = b->pending[0];
        memmove(b->pending, b->pending + 1, sizeof(int) * (size_t)--b->npending);
        b->phase_end = b->avr->cycle + ms40;
    }
}

static const char *open_bus(void) {
    pty_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (pty_master < 0 || grantpt(pty_master) || unlockpt(pty_master)) return NULL;
    const char *name = ptsname(pty_master);
    /* Raw mode on the slave side so nothing is echoed or translated before the master opens it;
     * keep it open so the master side never reads EIO between two opens of the slave. */
    int slave = open(name, O_RDWR | O_NOCTTY);
    struct termios t;
    if (slave < 0 || tcgetattr(slave, &t)) return NULL;
    cfmakeraw(&t);
    tcsetattr(slave, TCSANOW, &t);
    fcntl(pty_master, F_SETFL, O_NONBLOCK);
    return name;
}

static int boot(board_sim_t *b, elf_firmware_t *fw) {
    b->avr = avr_make_mcu_by_name("atmega328p");
    if (!b->avr) return -1;
    avr_init(b->avr);
    avr_load_firmware(b->avr, fw);
    b->avr->frequency = 14745600;
    b->press_pos = -1;
    uint32_t flags = 0;  /* no console echo of UART bytes */
    avr_ioctl(b->avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~(uint32_t)AVR_UART_FLAG_STDIO;
    avr_ioctl(b->avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, b);
    avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_SPI_GETIRQ(0), SPI_IRQ_OUTPUT), spi_out, b);
    avr_irq_register_notify(avr_io_getirq(b->avr, AVR_IOCTL_IOPORT_GETIRQ('B'), 2), latch, b);
    for (int r = 0; r < 4; r++) avr_raise_irq(avr_io_getirq(b->avr, AVR_IOCTL_IOPORT_GETIRQ('C'), r), 1);
    drive_dip(b);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc - 2 > MAX_BOARDS) {
        fprintf(stderr, "usage: avr-run counter-board.elf ADDRESS [ADDRESS...] (up to %d)\n", MAX_BOARDS);
        return 2;
    }
    elf_firmware_t *fw = &firmware;
    memset(fw, 0, sizeof *fw);
    if (elf_read_firmware(argv[1], fw) != 0) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    for (int i = 2; i < argc; i++) {
        board_sim_t *b = &boards[nboards++];
        b->address = atoi(argv[i]);
        if (b->address < 1 || b->address > 32 || boot(b, fw)) { fprintf(stderr, "bad address %s\n", argv[i]); return 2; }
    }
    const char *pty = open_bus();
    if (!pty) { perror("pty"); return 1; }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("ready %s\n", pty);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char line[256];
    size_t used = 0;
    for (;;) {
        for (int i = 0; i < nboards; i++) {
            board_sim_t *b = &boards[i];
            for (int k = 0; k < 1000; k++) {
                int st = avr_run(b->avr);
                if (st == cpu_Done || st == cpu_Crashed) { printf("err board %d cpu stopped (%d)\n", b->address, st); return 1; }
            }
            keys_step(b);
            drive_dip(b);
        }
        uint8_t in[64];
        ssize_t n = read(pty_master, in, sizeof in);
        for (ssize_t k = 0; k < n; k++) {
            for (int i = 0; i < nboards; i++) {
                avr_raise_irq(avr_io_getirq(boards[i].avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT), in[k]);
            }
        }
        /* Real-time throttle on the slowest board's clock. */
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double wall = (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
        double sim = (double)boards[0].avr->cycle / boards[0].avr->frequency;
        if (sim > wall + 0.001) usleep((useconds_t)((sim - wall) * 1e6));
        struct pollfd p = {STDIN_FILENO, POLLIN, 0};
        if (poll(&p, 1, 0) > 0) {
            ssize_t r = read(STDIN_FILENO, line + used, sizeof line - 1 - used);
            if (r <= 0) return 0;
            used += (size_t)r;
            line[used] = 0;
            char *nl;
            while ((nl = strchr(line, '\n')) != NULL) {
                *nl = 0;
                if (!control(line)) return 0;
                memmove(line, nl + 1, strlen(nl + 1) + 1);
                used = strlen(line);
            }
        }
    }
}
