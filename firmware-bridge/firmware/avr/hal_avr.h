/*
 * ATmega328P hardware layer for the counter board (pinout: hardware-docs/counter-board.md).
 * Everything protocol-related lives in ../core; this file only moves bits.
 */
#ifndef HAL_AVR_H
#define HAL_AVR_H
#include <stdbool.h>
#include <stdint.h>

#define BUS_BAUD 115200UL

void hal_init(void);
/* Milliseconds since power-up (Timer0, 1.0017 ms per tick at 14.7456 MHz: fine for debounce). */
uint32_t hal_millis(void);
/* Next received byte, false if none (RX ISR fills a ring buffer). */
bool hal_uart_getc(uint8_t *byte);
/* Drives DE/RE high, sends, waits for the last stop bit (TXC), releases the bus. */
void hal_uart_write(void *ctx, const uint8_t *buf, uint8_t n);
/* Shifts the 6 digit bytes and the keypad column byte into the 74HC595 chain and reads the rows:
 * returns the raw 24-bit key scan (bit = row * 6 + column). */
uint32_t hal_refresh(const uint8_t seg[6]);
/* Board address 1..32 from the DIP switch. */
uint8_t hal_address(void);
/* Boot epoch: EEPROM counter bumped at each power-up, never 0. */
uint16_t hal_next_epoch(void);
void hal_watchdog_kick(void);

#endif
