/* Counter board main loop: bytes in, ticks, display refresh. No protocol logic here. */
#include "../core/board.h"
#include "hal_avr.h"

static board_t board;

int main(void) {
    hal_init();
    board_hal_t hal = {hal_uart_write, 0, 0, 0};
    board_init(&board, &hal, hal_address(), hal_next_epoch());
    uint32_t last = 0;
    uint8_t seg[DISPLAY_DIGITS];
    for (;;) {
        hal_watchdog_kick();
        uint8_t b;
        while (hal_uart_getc(&b)) board_rx_byte(&board, b);
        uint32_t now = hal_millis();
        if (now != last) {
            last = now;
            display_render(&board.disp, now, seg);
            board_tick(&board, now, hal_refresh(seg));
        }
    }
}
