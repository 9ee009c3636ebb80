/*
 * Compile-time options of the counter-board core, in one place (nanopb style).
 * The protocol numbers must match hardware-docs/counter-bus.md and the Java codec.
 */
#ifndef BUS_CONFIG_H
#define BUS_CONFIG_H

#define BUS_SOF                 0xA5u
#define BUS_REPLY_BIT           0x80u
#define BUS_ADDR_MASK           0x3Fu
#define BUS_MAX_ADDR            32u
#define BUS_MAX_PAYLOAD         24u
#define BUS_HEADER_LEN          5u   /* SOF ADDR TYPE SEQ LEN */
#define BUS_MAX_FRAME           (BUS_HEADER_LEN + BUS_MAX_PAYLOAD + 2u)

#define BUS_T_POLL              0x01u
#define BUS_T_SHOW              0x02u
#define BUS_T_CLEAR             0x03u
#define BUS_T_STATUS            0x81u

#define BUS_F_DISPLAY_UNSET     0x01u
#define BUS_F_OVERFLOW          0x02u
#define BUS_F_REJECTED          0x04u

#define BUS_COUNTER_BLANK       0xFFu

/* Key queue: 16 presses is minutes of frantic pressing between two polls; must stay < 128. */
#define BUS_EVQ_DEPTH           16u
#define BUS_EVENTS_PER_STATUS   4u

#define BUS_DEBOUNCE_MS         20u
#define BUS_TRANSFER_TIMEOUT_MS 10000u
#define BUS_RX_GAP_MS           2u
#define BUS_BLINK_HALF_MS       400u

/* Key codes on the wire. */
#define KEY_CALL_NEXT 0x01u
#define KEY_RECALL    0x02u
#define KEY_SKIP      0x03u
#define KEY_TRANSFER  0x04u
#define KEY_START     0x05u
#define KEY_DONE      0x06u
#define KEY_PAUSE     0x07u
/* Added in protocol 1.1: a master that predates them drops them with a warning (and acks them). */
#define KEY_PARK           0x08u
#define KEY_CALL_PARKED    0x09u
#define KEY_RECALL_NO_SHOW 0x0Au
#define KEY_RATE_1    0x11u
#define KEY_RATE_2    0x12u
#define KEY_RATE_3    0x13u
#define KEY_RATE_4    0x14u

#endif
