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
            "UID:\(Self.plain(session.id))@\(Self.plain(host))",
            "DTSTAMP:\(stamp)",
            "DTSTART;TZID=Europe/London:\(session.start.compact)",
            "DTEND;TZID=Europe/London:\(session.end.compact)",
            "SUMMARY:\(Self.escape((session.status == .cancelled ? "Cancelled: " : "") + (course?.title ?? session.course)))",
            "LOCATION:\(Self.escape(venue.map { "\($0.name), \($0.address)" } ?? "Online"))",
            "DESCRIPTION:\(Self.escape(description))",
            "URL:\(Self.plain(url))",
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

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11),
    /// read as Unicode scalars: `\r\n` is one Swift character, and a line break it let
    /// through would start a property, or an event, of its own. Other control characters
    /// are not allowed in TEXT and are left out.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\n" where previous == "\r": break  // the \r already wrote the break
            case "\n", "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A value that is not TEXT (an address, an id): it has no escapes, so control
    /// characters, which could end its line, are left out. (What goes here is checked
    /// where it is read; this is the second line of defence.)
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// Folds a content line so no line is longer than 75 octets, never splitting a
    /// UTF-8 sequence; continuation lines start with a space (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                octets = 0
                limit = 74
            }
            out.append(scalar)
            octets += size
        }
        return String(out) + "\r\n"
    }
}
