-- The last keypad press each counter board delivered and the appliance committed with its command: handed back to
-- the bus at start, so a press the board sends again after an appliance restart (its ack was lost) is not
-- applied twice. See vn.motcua.bus.BoardEventId.
CREATE TABLE keypad_cursor (
    address INT PRIMARY KEY,
    epoch   INT NOT NULL,
    seq     INT NOT NULL
);
