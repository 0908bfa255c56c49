import Foundation

/// `training/courses.json`: the catalogue as open data. The same types decode it, so its
/// shape is tested by a round trip.
public struct CatalogueData: Codable, Equatable, Sendable {
    public struct Programme: Codable, Equatable, Sendable {
        public var title: String
        public var year: String
        /// Absent if the programme states no charge.
        public var nonAttendanceChargePounds: Int?
        public var bookingEmail: String
        public var bookingPhone: String
        public var note: String?
    }

    public struct Level: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var title: String
        public var summary: String
        public var refresherYears: Int
        public var frameworks: [Framework]
        public var url: String
    }

    /// A national framework a level matches: its name and the framework's own levels.
    public struct Framework: Codable, Equatable, Sendable {
        public var name: String
        public var levels: [Int]
    }

    public struct Role: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var sector: String
        public var levels: [String]
        public var recommendedCourses: [String]
        public var url: String
    }

    public struct Venue: Codable, Equatable, Sendable {
        public var name: String
        public var address: String
        public var access: String
    }

    public struct Session: Codable, Equatable, Sendable {
        public var id: String
        /// Local London time, `2026-12-03T09:30`.
        public var start: String
        public var end: String
        public var timeZone: String
        /// Absent for online sessions.
        public var venue: Venue?
        public var online: Bool
        public var capacity: Int
        public var status: String
        public var booking: String?
        public var calendar: String
    }

    public struct Course: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var summary: String
        public var url: String
        public var levels: [String]
        public var topics: [String]
        public var roles: [String]
        public var outcomes: [String]
        public var format: String
        public var duration: String
        public var provider: String
        public var cost: String
        public var prerequisites: [String]
        public var sessions: [Session]
    }

    public var programme: Programme
    public var levels: [Level]
    public var topics: [[String: String]]
    public var roles: [Role]
    public var courses: [Course]

    init(catalogue: TrainingCatalogue, site: Site) {
        let base = site.config.baseURL
        let p = catalogue.programme
        programme = Programme(
            title: p.title, year: p.year, nonAttendanceChargePounds: p.nonAttendanceCharge, bookingEmail: p.bookingEmail,
            bookingPhone: p.bookingPhone, note: p.sampleNote)
        levels = catalogue.levels.map {
            Level(
                id: $0.id, name: $0.name, title: $0.title, summary: $0.summary, refresherYears: $0.refresherYears,
                frameworks: $0.frameworks.map { Framework(name: $0.name, levels: $0.levels) },
                url: base + TrainingPages.levelURL($0.id))
        }
        // The topics courses have, each at its hub, which lists them.
        topics = TrainingPages(catalogue: catalogue).topicsOfCourses.map {
            ["id": $0.id, "title": $0.title, "summary": $0.summary, "url": base + TopicPages.url($0.id)]
        }
        roles = catalogue.roles.map {
            Role(id: $0.id, title: $0.title, sector: $0.sector, levels: $0.levels, recommendedCourses: $0.courses, url: base + TrainingPages.roleURL($0.id))
        }
        courses = catalogue.courses.map { course in
            Course(
                id: course.id, title: course.title, summary: course.summary, url: base + TrainingPages.courseURL(course.id),
                levels: course.levels, topics: course.topics, roles: course.roles, outcomes: course.outcomes,
                format: course.format.rawValue, duration: course.duration,
                provider: course.providerName ?? course.provider.rawValue, cost: course.cost,
                prerequisites: course.prerequisites,
                sessions: catalogue.sessions(of: course.id).map { session in
                    let venue = session.venue.flatMap { catalogue.venue($0) }
                    return Session(
                        id: session.id, start: session.start.iso, end: session.end.iso, timeZone: "Europe/London",
                        venue: venue.map { Venue(name: $0.name, address: $0.address, access: $0.access) },
                        online: session.venue == nil, capacity: session.capacity, status: session.status.rawValue,
                        booking: session.booking, calendar: base + "/" + TrainingPages.sessionCalendarPath(session.id))
                })
        }
    }

    func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    public static func decode(_ data: Data) throws -> CatalogueData {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(CatalogueData.self, from: data)
    }
}
