/// The training programme as data: levels, topics, roles, venues, courses and their dated
/// sessions, read from `Content/data/` and checked against each other.
public struct TrainingCatalogue: Sendable {
    public var programme: Programme
    public var levels: [Level]
    public var topics: [Topic]
    public var roles: [Role]
    public var venues: [Venue]
    public var courses: [Course]
    /// In time order.
    public var sessions: [Session]
    /// Attendance figures of past programme years, newest first.
    public var attendance: [Attendance] = []
    /// Links written in the data files, checked with the rest of the site's.
    public var links: [LinkToCheck]

    public struct Programme: Sendable {
        public var title: String
        public var year: String
        /// Pounds charged for a booked place not used without notice (`non_attendance_charge`);
        /// nil if the data says nothing. Nil or 0: the pages mention no charge.
        public var nonAttendanceCharge: Int? = nil
        public var bookingEmail: String
        public var bookingPhone: String
        public var sampleNote: String? = nil
        /// Who may book and who pays, in the board's words (`booking_terms`), shown under
        /// "How to book"; nil if the data does not say.
        public var bookingTerms: String? = nil

        /// The charge for a place not used without notice, if there is one.
        var charge: Int? { nonAttendanceCharge.flatMap { $0 > 0 ? $0 : nil } }
    }

    /// One year's attendance per course, from a CSV file named in the programme settings.
    public struct Attendance: Sendable {
        public var year: String
        public var title: String
        public var source: String
        public var rows: [Row]

        public struct Row: Sendable {
            public var course: String
            /// The catalogue's course of the same title, if it is still offered.
            public var courseID: String?
            public var attended: Int
            public var didNotAttend: Int
        }
    }

    public struct Level: Sendable {
        public var id: String
        public var name: String
        public var title: String
        public var summary: String
        public var who: String
        public var description: CompiledBody
        public var refresherYears: Int
        /// How the level matches national frameworks, in the order written: each a fact
        /// on the level's page.
        public var frameworks: [Framework]
    }

    /// A framework a level is mapped to (`frameworks:` in levels.yaml): its name, shown as
    /// the label, and the framework's own levels or staff groups that the level covers.
    public struct Framework: Sendable, Equatable {
        public var name: String
        public var levels: [Int]

        public init(name: String, levels: [Int]) {
            self.name = name
            self.levels = levels
        }
    }

    public struct Topic: Sendable {
        public var id: String
        public var title: String
        public var summary: String
        /// Where its `id` is written in topics.yaml, for `portal check`.
        public var location: SourceLocation
    }

    public enum Contact: String, CaseIterable, Sendable {
        case none, infrequent, regular, predominant
    }

    public struct Role: Sendable {
        public var id: String
        public var title: String
        public var sector: String
        public var contact: Contact
        public var levels: [String]
        public var courses: [String]
        public var note: String?
    }

    public struct Venue: Sendable {
        public var id: String
        public var name: String
        public var address: String
        public var access: String
    }

    public enum Format: String, CaseIterable, Sendable {
        case classroom, eLearning = "e-learning", briefing, conference, workshop

        public var title: String {
            switch self {
            case .classroom: "Classroom"
            case .eLearning: "E-learning"
            case .briefing: "Briefing"
            case .conference: "Conference"
            case .workshop: "Workshop"
            }
        }
    }

    public enum Provider: String, CaseIterable, Sendable {
        case inHouse = "in-house", external
    }

    public struct Course: Sendable {
        public var id: String
        public var title: String
        public var summary: String
        public var description: CompiledBody
        public var levels: [String]
        public var topics: [String]
        public var roles: [String]
        public var outcomes: [String]
        public var format: Format
        public var duration: String
        public var provider: Provider
        public var providerName: String?
        public var cost: String
        public var prerequisites: [String]
        public var related: [String]
    }

    public enum Status: String, CaseIterable, Sendable {
        case scheduled, fullyBooked = "fully-booked", cancelled, postponed

        public var title: String {
            switch self {
            case .scheduled: "Places available"
            case .fullyBooked: "Fully booked"
            case .cancelled: "Cancelled"
            case .postponed: "Postponed"
            }
        }
    }

    public struct Session: Sendable {
        /// Stable across builds: the course and the start, e.g. `safeguarding-level-2-20261203-0930`.
        public var id: String
        public var course: String
        public var start: LocalDateTime
        public var end: LocalDateTime
        /// Nil for an online session.
        public var venue: String?
        public var capacity: Int
        public var status: Status
        public var booking: String?

        public func isUpcoming(now: Day) -> Bool { start.day >= now }
    }

    public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    public func venue(_ id: String) -> Venue? { venues.first { $0.id == id } }
    public func course(_ id: String) -> Course? { courses.first { $0.id == id } }
    public func sessions(of course: String) -> [Session] { sessions.filter { $0.course == course } }
}
