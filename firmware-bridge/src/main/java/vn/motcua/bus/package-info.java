/** The counter bus: wire protocol, bus master over jSerialComm. */
package vn.motcua.bus;
