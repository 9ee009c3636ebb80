/**
 * Hardware service buttons: port {@link vn.motcua.appliance.devices.buttons.ButtonPanel}, the Pi4J 4.0.0
 * adapter {@link vn.motcua.appliance.devices.buttons.Pi4jButtonPanel} with debouncing, busy LED and
 * buzzer, on a context holding only the libgpiod providers
 * ({@link vn.motcua.appliance.devices.buttons.GpiodContext}, {@code /dev/gpiochip*}, group {@code gpio}),
 * and a simulated panel for the demo. Wiring, pin map and runtime: {@code hardware-docs/ticket-buttons.md}.
 */
package vn.motcua.appliance.devices.buttons;
