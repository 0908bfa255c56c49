import Foundation

/// A colour written `#1d4f73` (or `#fff`), and how readable text is on it (WCAG 2.2).
public struct Colour: Sendable, Equatable {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(red: Int, green: Int, blue: Int) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#rrggbb` or `#rgb`, in either case; nil for anything else.
    public init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit),
            let value = Int(String(digits), radix: 16)
        else { return nil }
        self.init(red: value >> 16 & 0xff, green: value >> 8 & 0xff, blue: value & 0xff)
    }

    /// Written as CSS writes it, `#1d4f73`.
    public var hex: String { String(format: "#%02x%02x%02x", red, green, blue) }

    /// WCAG's relative luminance: 0 for black, 1 for white.
    public var luminance: Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG's contrast ratio, from 1 (none) to 21 (black on white).
    public func contrast(with other: Colour) -> Double {
        let (light, dark) = (max(luminance, other.luminance), min(luminance, other.luminance))
        return (light + 0.05) / (dark + 0.05)
    }

    /// The contrast written for people, rounded down so a ratio shown as 4.5 passes: `4.4:1`.
    public static func ratio(_ value: Double) -> String {
        String(format: "%.1f:1", (value * 10).rounded(.down) / 10)
    }

    /// The nearest colour to this one, made darker (or lighter, for dark text) in small
    /// steps, that has `minimum` contrast with `text`.
    public func nearest(withContrast minimum: Double, against text: Colour) -> Colour? {
        let towards = text.luminance > 0.5 ? Colour(red: 0, green: 0, blue: 0) : Colour(red: 255, green: 255, blue: 255)
        for step in 1...100 {
            let share = Double(step) / 100
            func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) * (1 - share) + Double(b) * share).rounded()) }
            let candidate = Colour(red: mix(red, towards.red), green: mix(green, towards.green), blue: mix(blue, towards.blue))
            if candidate.contrast(with: text) >= minimum { return candidate }
        }
        return nil
    }
}
