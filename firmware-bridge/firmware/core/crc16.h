/* CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF): check value 0x4B37 for "123456789". */
#ifndef BUS_CRC16_H
#define BUS_CRC16_H
#include <stdint.h>

uint16_t bus_crc16_update(uint16_t crc, uint8_t byte);
uint16_t bus_crc16(const uint8_t *data, uint8_t len);

#endif
