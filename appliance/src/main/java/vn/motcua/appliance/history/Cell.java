package vn.motcua.appliance.history;

/** One day × service × counter × clerk × hour and its figures: the unit the office's history is kept in. */
public record Cell(CellKey key, Figures figures) {}
