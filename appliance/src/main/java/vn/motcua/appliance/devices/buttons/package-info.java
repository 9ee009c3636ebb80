/**
 * Hardware service buttons: port {@link vn.motcua.appliance.devices.buttons.ButtonPanel}, the Pi4J 4
 * adapter {@link vn.motcua.appliance.devices.buttons.Pi4jButtonPanel} with debouncing, busy LED and
 * buzzer, and a simulated panel for the demo. Wiring: {@code hardware-docs/ticket-buttons.md}.
 */
package vn.motcua.appliance.devices.buttons;
