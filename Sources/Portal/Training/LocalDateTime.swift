/// A wall-clock time in London, written `2026-12-03 09:30`. Sessions are planned in local
/// time; calendars carry the zone (TZID=Europe/London) so no conversion happens here.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public let day: Day
    public let hour: Int
    public let minute: Int

    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, clock[0].count == 2, clock[1].count == 2,
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.day, a.hour, a.minute) < (b.day, b.hour, b.minute)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `20261203T093000`, for iCalendar.
    public var compact: String { day.iso.replacingOccurrences(of: "-", with: "") + "T\(Self.pad(hour))\(Self.pad(minute))00" }

    /// `2026-12-03T09:30`, for JSON and `<time datetime>`.
    public var iso: String { "\(day.iso)T\(Self.pad(hour)):\(Self.pad(minute))" }

    /// `9.30am`, `4pm`, `12 noon`, as GOV.UK writes times.
    public var clockText: String {
        if hour == 12 && minute == 0 { return "12 noon" }
        if hour == 0 && minute == 0 { return "midnight" }
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let suffix = hour < 12 ? "am" : "pm"
        return minute == 0 ? "\(twelve)\(suffix)" : "\(twelve).\(Self.pad(minute))\(suffix)"
    }
}

import Foundation

extension Day {
    /// `Thursday`: the day of the week, from the proleptic Gregorian calendar.
    public var weekday: String {
        // Days since 1970-01-01 (a Thursday), by Howard Hinnant's civil-from-days inverse.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        return names[((days % 7) + 7) % 7]
    }
}
