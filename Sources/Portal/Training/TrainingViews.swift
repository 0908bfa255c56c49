/// View models of the training pages; property names are what the templates use.

struct SessionRowView: TemplateView {
    var id: String
    var courseTitle: String
    var courseURL: String
    var date: String
    var dateISO: String
    var time: String
    var startISO: String
    var venue: String
    var venueAccess: String?
    var status: String
    var bookable: Bool
    var bookingURL: String?
    /// The booking is on another website (`rel="noopener"`).
    var bookingOutside: Bool
    var calendarURL: String
}

struct MonthView: TemplateView {
    var title: String
    var id: String
    var sessions: [SessionRowView]
}

struct GroupView: TemplateView {
    var title: String
    var id: String
    var summary: String?
    var items: [ListItemView]
}

struct LevelCardView: TemplateView {
    var name: String
    var title: String
    var summary: String
    var url: String
}

struct BookingView: TemplateView {
    var email: String
    var phone: String
    /// The links to write and to call: none while the address or number is a placeholder.
    var mailto: String?
    var tel: String?
    /// Who may book and who pays, from the programme's `booking_terms`.
    var terms: String?
    /// The charge for a place not used without notice, `£100`; nil if there is none.
    var charge: String?
    /// Whether there is anything to say about terms or charges.
    var hasTerms: Bool
}

/// The catalogue's home: `training-home.mustache`.
struct TrainingHomeView: TemplateView {
    var title: String
    var summary: String
    var intro: String
    var programme: String
    var sampleNote: String?
    var levels: [LevelCardView]
    var topics: [LinkView]
    var sectors: [GroupView]
    var months: [MonthView]
    var booking: BookingView
    var calendarURL: String
    var dataURL: String
    var attendance: [LinkView]
}

/// A list of groups of links, with an optional introduction and facts:
/// `training-list.mustache` (levels, topics, roles and their indexes).
struct TrainingListView: TemplateView {
    var title: String
    var summary: String
    var intro: String
    var facts: [FactView]
    var notes: [String]
    var groups: [GroupView]
}

/// One course: `training-course.mustache`.
struct TrainingCourseView: TemplateView {
    var title: String
    var summary: String
    var facts: [FactView]
    var description: String
    var outcomes: [String]
    var upcoming: [SessionRowView]
    var past: [SessionRowView]
    var pastCount: Int
    var related: [LinkView]
    var booking: BookingView
    var sampleNote: String?
    var calendarURL: String
}

struct BrochureLevelView: TemplateView {
    var name: String
    var title: String
    var id: String
    var description: String
    var who: String
    /// The roles that need the level, as one sentence part.
    var roles: String
    var refresher: String
    var courses: [BrochureCourseView]
}

struct BrochureCourseView: TemplateView {
    var title: String
    var id: String
    var url: String
    var summary: String
    var facts: [FactView]
    var outcomes: [String]
    var dates: [SessionRowView]
}

/// The whole programme on one printable page: `training-brochure.mustache`.
struct TrainingBrochureView: TemplateView {
    var title: String
    var summary: String
    var sampleNote: String?
    var levels: [BrochureLevelView]
    var booking: BookingView
}

/// A list of courses inside a Markdown page: `course-list.mustache`.
struct CourseListView: TemplateView {
    var courses: [ListItemView]
    var filter: String
}

struct AttendanceRowView: TemplateView {
    var course: String
    var url: String?
    var attended: String
    var didNotAttend: String
    var rate: String
}

/// One year's attendance per course, with totals computed here: `training-attendance.mustache`.
struct TrainingAttendanceView: TemplateView {
    var title: String
    var summary: String
    var source: String
    var chartTitle: String
    /// The figures as an SVG bar chart (`ChartSVG`), nil for more courses than a chart shows.
    var chart: String?
    var rows: [AttendanceRowView]
    var total: AttendanceRowView
}
