#include "hal_avr.h"
#include <avr/eeprom.h>
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/wdt.h>
#include <util/atomic.h>
#include <util/delay.h>

/* Baud divisor worked out at compile time; refuse to build a board that cannot hear the bus. */
#define UBRR_VALUE ((F_CPU + 8UL * BUS_BAUD) / (16UL * BUS_BAUD) - 1UL)
#define BAUD_REAL (F_CPU / (16UL * (UBRR_VALUE + 1UL)))
#if (BAUD_REAL * 1000UL > BUS_BAUD * 1010UL) || (BAUD_REAL * 1000UL < BUS_BAUD * 990UL)
#error "UART baud error over 1% for this F_CPU: use a 14.7456 MHz crystal (counter-bus.md §1)"
#endif

#define DE_PIN   PD2
#define LATCH    PB2
#define OE_N     PB1
#define ROW_MASK 0x0Fu  /* PC0..PC3 */
#define DIP_MASK 0xF8u  /* PD3..PD7 */

static volatile uint32_t millis;
static volatile uint8_t rx_ring[64];
static volatile uint8_t rx_head, rx_tail;

ISR(USART_RX_vect) {
    uint8_t b = UDR0;
    uint8_t next = (uint8_t)((rx_head + 1u) & 63u);
    if (next != rx_tail) { rx_ring[rx_head] = b; rx_head = next; } /* full: drop, CRC catches it */
}

ISR(TIMER0_COMPA_vect) { millis++; }

void hal_init(void) {
    wdt_enable(WDTO_250MS);
    DDRD |= _BV(DE_PIN);
    PORTD &= (uint8_t)~_BV(DE_PIN);
    PORTD |= DIP_MASK;                           /* DIP pull-ups */
    DDRC &= (uint8_t)~ROW_MASK;
    PORTC |= ROW_MASK;                           /* keypad row pull-ups */
    DDRB |= _BV(PB3) | _BV(PB5) | _BV(LATCH) | _BV(OE_N) | _BV(PB0);
    SPCR = _BV(SPE) | _BV(MSTR);                 /* SPI master, f/4 */
    SPSR = _BV(SPI2X);                           /* f/2 = 7.4 MHz, within the 74HC595's 25 MHz */
    UBRR0H = (uint8_t)(UBRR_VALUE >> 8);
    UBRR0L = (uint8_t)UBRR_VALUE;
    UCSR0A = 0;
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);          /* 8N1 */
    TCCR0A = _BV(WGM01);                         /* CTC */
    TCCR0B = _BV(CS01) | _BV(CS00);              /* /64 */
    OCR0A = 229;                                 /* 14.7456 MHz / 64 / 230 = 1001.7 Hz */
    TIMSK0 = _BV(OCIE0A);
    sei();
}

uint32_t hal_millis(void) {
    uint32_t m;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { m = millis; }
    return m;
}

bool hal_uart_getc(uint8_t *byte) {
    if (rx_tail == rx_head) return false;
    *byte = rx_ring[rx_tail];
    rx_tail = (uint8_t)((rx_tail + 1u) & 63u);
    return true;
}

void hal_uart_write(void *ctx, const uint8_t *buf, uint8_t n) {
    (void)ctx;
    /* RXC fires in the middle of the request's stop bit, and an auto-direction adapter may hold
     * the line a little longer: stay off it for a bit more than one character time. */
    _delay_us(120);
    PORTD |= _BV(DE_PIN);
    for (uint8_t i = 0; i < n; i++) {
        while (!(UCSR0A & _BV(UDRE0))) {}
        if (i == n - 1u) UCSR0A |= _BV(TXC0);    /* clear TXC: it must mean "this last byte" */
        UDR0 = buf[i];
    }
    while (!(UCSR0A & _BV(TXC0))) {}
    PORTD &= (uint8_t)~_BV(DE_PIN);
    PORTB ^= _BV(PB0);                           /* activity LED */
}

static void spi_out(uint8_t b) {
    SPDR = b;
    while (!(SPSR & _BV(SPIF))) {}
}

uint32_t hal_refresh(const uint8_t seg[6]) {
    uint32_t raw = 0;
    for (uint8_t col = 0; col < 6; col++) {
        /* The first byte shifted ends in the farthest 595: digit 0 is farthest from the MCU,
         * the keypad column driver nearest. */
        for (uint8_t d = 0; d < 6; d++) spi_out(seg[d]);
        spi_out((uint8_t)~_BV(col));             /* active-low column, diodes per key */
        PORTB |= _BV(LATCH);
        PORTB &= (uint8_t)~_BV(LATCH);
        PORTB &= (uint8_t)~_BV(OE_N);
        for (volatile uint8_t settle = 0; settle < 8; settle++) {}
        uint8_t rows = (uint8_t)(~PINC & ROW_MASK);
        for (uint8_t r = 0; r < 4; r++) {
            if (rows & _BV(r)) raw |= (uint32_t)1u << (r * 6u + col);
        }
    }
    return raw;
}

uint8_t hal_address(void) {
    /* The pull-ups charge the switch wiring through ~35 kOhm: let them settle before sampling. */
    while (hal_millis() < 5) {}
    return (uint8_t)((((uint8_t)~PIND & DIP_MASK) >> 3) + 1u);
}

uint16_t hal_next_epoch(void) {
    uint16_t *slot = (uint16_t *)0;
    uint16_t e = (uint16_t)(eeprom_read_word(slot) + 1u);
    if (e == 0) e = 1;
    eeprom_update_word(slot, e);
    return e;
}

void hal_watchdog_kick(void) { wdt_reset(); }
