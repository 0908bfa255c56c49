/// iCalendar (RFC 5545) files for training sessions: local times with TZID=Europe/London
/// and its VTIMEZONE, UIDs stable across builds, text escaped, lines folded at 75 octets,
/// CRLF line ends.
struct ICalendar {
    let catalogue: TrainingCatalogue
    let site: Site

    /// The host part of the site's address, which makes UIDs globally unique.
    private var host: String {
        site.config.baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? "portal"
    }

    func document(name: String, sessions: [TrainingCatalogue.Session]) -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//\(Self.escape(site.config.shortName))//portal//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(Self.escape(name))",
            "X-WR-TIMEZONE:Europe/London",
        ]
        lines += Self.londonTimeZone
        for session in sessions { lines += event(session) }
        lines.append("END:VCALENDAR")
        return Array(lines.map(Self.fold).joined().utf8)
    }

    private func event(_ session: TrainingCatalogue.Session) -> [String] {
        let course = catalogue.course(session.course)
        let venue = session.venue.flatMap { catalogue.venue($0) }
        let url = site.config.baseURL + TrainingPages.courseURL(session.course)
        var description = course?.summary ?? ""
        if session.status != .scheduled { description = "\(session.status.title). " + description }
        if let booking = session.booking { description += "\nBook: \(booking)" }
        description += "\nMore: \(url)"
        let stamp = site.now.iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
        return [
            "BEGIN:VEVENT",
            "UID:\(session.id)@\(host)",
            "DTSTAMP:\(stamp)",
            "DTSTART;TZID=Europe/London:\(session.start.compact)",
            "DTEND;TZID=Europe/London:\(session.end.compact)",
            "SUMMARY:\(Self.escape((session.status == .cancelled ? "Cancelled: " : "") + (course?.title ?? session.course)))",
            "LOCATION:\(Self.escape(venue.map { "\($0.name), \($0.address)" } ?? "Online"))",
            "DESCRIPTION:\(Self.escape(description))",
            "URL:\(url)",
            "STATUS:\(session.status == .cancelled ? "CANCELLED" : session.status == .postponed ? "TENTATIVE" : "CONFIRMED")",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    }

    /// Europe/London since 1996: BST from the last Sunday of March at 01:00 UTC to the
    /// last Sunday of October.
    static let londonTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line so no line is longer than 75 octets, never splitting a
    /// UTF-8 character; continuation lines start with a space (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if octets + size > limit {
                out += "\r\n "
                octets = 0
                limit = 74
            }
            out.append(character)
            octets += size
        }
        return out + "\r\n"
    }
}
