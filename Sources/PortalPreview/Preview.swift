import Portal

/// The preview server behind `portal serve` (to be built).
public enum Preview {}
