import Foundation
import Testing

@testable import Portal

/// A small, valid training catalogue; each test breaks one thing.
enum TrainingData {
    static let programme = """
        title: Training 2026-27
        year: 2026-27
        non_attendance_charge: 100
        booking_email: lscb-training@example.org
        booking_phone: 01632 960700
        sample_note: Dates are sample data.
        attendance:
          - file: attendance-2012-13.csv
            year: 2012-13
            title: Attendance in 2012-13
            source: A test.
        booking_terms: Places are free to staff of partner agencies and to volunteers.

        """
    static let levels = """
        - id: level-1
          name: Level 1
          title: Basic awareness
          summary: For occasional contact.
          who: Librarians and receptionists.
          description: |
            Know the signs and [who to tell](/worried-about-a-child/).
          refresher_years: 3
          frameworks:
            - name: Working Together 2010 staff groups
              levels: [1]
            - name: Intercollegiate Document levels (health staff)
              levels: [1]
        - id: level-2
          name: Level 2
          title: Working together
          summary: For regular contact.
          who: Teachers and nurses.
          description: Recognise, record and refer.
          refresher_years: 3
          frameworks:
            - name: Working Together 2010 staff groups
              levels: [2, 3]
            - name: Intercollegiate Document levels (health staff)
              levels: [2]

        """
    static let topics = """
        - id: child-protection
          title: Child protection
          summary: Recognising and referring concerns.
        - id: online-safety
          title: Online safety
          summary: Keeping children safe online.

        """
    static let roles = """
        - id: librarian
          title: Librarian
          sector: Local authority
          contact: infrequent
          levels: [level-1]
          courses: [basics]
        - id: teacher
          title: Teacher
          sector: Schools and colleges
          contact: predominant
          levels: [level-1, level-2]
          courses: [core]
          note: Your school has its own training too.

        """
    static let venues = """
        - id: town-hall
          name: Town Hall, Room 2
          address: Main Road, Romford RM1 1AA
          access: Step-free entrance.

        """
    static let courses = """
        - id: basics
          title: Safeguarding basics
          summary: The essentials.
          description: An e-learning course.
          levels: [level-1]
          topics: [child-protection]
          roles: [librarian, teacher]
          outcomes:
            - Recognise signs of abuse
          format: e-learning
          duration: 2 hours
          provider: in-house
          cost: Free
        - id: core
          title: Safeguarding core, with a long title; commas, and “quotes” to fold in calendars nicely
          summary: A full day.
          description: |
            A day on child protection.
          levels: [level-2]
          topics: [child-protection, online-safety]
          roles: [teacher]
          outcomes: [Refer a concern, Record it]
          format: classroom
          duration: One day
          provider: external
          provider_name: A training company
          cost: Free
          prerequisites: [basics]
          related: [/worried-about-a-child/]

        """
    static let sessions = """
        - course: core
          start: 2026-11-03 09:30
          end: 2026-11-03 16:00
          venue: town-hall
          capacity: 20
          status: scheduled
        - course: core
          start: 2026-12-03 09:30
          end: 2026-12-03 16:00
          venue: town-hall
          capacity: 20
          status: scheduled
          booking: mailto:lscb-training@example.org?subject=Core%203%20December
        - course: core
          start: 2027-01-14 13:00
          end: 2027-01-14 15:30
          venue: online
          capacity: 30
          status: fully-booked

        """

    static func files(replacing name: String? = nil, with text: String? = nil) -> [String: String] {
        var files = [
            "data/training-programme.yaml": programme, "data/levels.yaml": levels, "data/topics.yaml": topics,
            "data/roles.yaml": roles, "data/venues.yaml": venues, "data/courses.yaml": courses,
            "data/sessions.yaml": sessions,
            "data/attendance-2012-13.csv": "course,attended,did_not_attend\nSafeguarding basics,75,18\n\"Old, gone\",20,2\n",
        ]
        if let name { files["data/\(name)"] = text }
        return files
    }
}

@Suite struct TrainingTests {
    func build(_ files: [String: String]) throws -> (Scratch, BuildResult) {
        let scratch = Scratch(files)
        return (scratch, try scratch.build(now: "2026-11-21"))
    }

    @Test func readsEveryField() throws {
        let scratch = Scratch(TrainingData.files())
        defer { scratch.remove() }
        var files: [String: SourceFile] = [:]
        for name in SourceTree.list("\(scratch.content)/data") {
            files[name] = try SourceTree.read(root: scratch.content, relativePath: "data/\(name)", displayRoot: "Content").get()
        }
        let (parsed, _, problems, _) = TrainingParser.parse(files)
        #expect(problems.isEmpty, "\(DiagnosticFormatter().report(problems))")
        let catalogue = try #require(parsed)
        #expect(catalogue.programme.nonAttendanceCharge == 100)
        #expect(catalogue.programme.bookingTerms == "Places are free to staff of partner agencies and to volunteers.")
        #expect(catalogue.level("level-2")?.frameworks == [
            .init(name: "Working Together 2010 staff groups", levels: [2, 3]),
            .init(name: "Intercollegiate Document levels (health staff)", levels: [2]),
        ])
        #expect(catalogue.level("level-1")?.description.html.contains("<a href=\"/worried-about-a-child/\">who to tell</a>") == true)
        #expect(catalogue.role("teacher")?.levels == ["level-1", "level-2"])
        #expect(catalogue.role("teacher")?.contact == .predominant)
        let core = try #require(catalogue.course("core"))
        #expect(core.outcomes == ["Refer a concern", "Record it"])
        #expect(core.format == .classroom)
        #expect(core.provider == .external)
        #expect(core.prerequisites == ["basics"])
        #expect(catalogue.sessions.map(\.id) == ["core-20261103-0930", "core-20261203-0930", "core-20270114-1300"])
        #expect(catalogue.sessions[2].venue == nil)
        #expect(catalogue.sessions[2].status == .fullyBooked)
        #expect(catalogue.sessions[1].start.clockText == "9.30am")
        #expect(catalogue.sessions[2].end.clockText == "3.30pm")
        // The description's link is checked with the rest: its position is in levels.yaml.
        #expect(catalogue.links.contains { $0.url == "/worried-about-a-child/" && $0.location.line == 7 })
    }

    static let badData: [BadData] = [
        BadData("roles.yaml", TrainingData.roles, "levels: [level-1]\n  courses: [basics]", "levels: [level-9]\n  courses: [basics]", "roles.yaml:5:12: there is no level with the id `level-9`"),
        BadData("courses.yaml", TrainingData.courses, "topics: [child-protection]\n", "topics: [child-protecton]\n", "courses.yaml:6:12: there is no topic with the id `child-protecton`"),
        BadData("courses.yaml", TrainingData.courses, "roles: [librarian, teacher]", "roles: [librarian, dinner-lady]", "courses.yaml:7:22: there is no role with the id `dinner-lady`"),
        BadData("sessions.yaml", TrainingData.sessions, "- course: core\n  start: 2026-11-03", "- course: cor\n  start: 2026-11-03", "sessions.yaml:1:11: there is no course with the id `cor`"),
        BadData("sessions.yaml", TrainingData.sessions, "venue: town-hall\n  capacity: 20\n  status: scheduled\n- course: core\n  start: 2026-12", "venue: town-hal\n  capacity: 20\n  status: scheduled\n- course: core\n  start: 2026-12", "sessions.yaml:4:10: there is no venue with the id `town-hal`"),
        BadData("topics.yaml", TrainingData.topics, append: "- id: child-protection\n  title: Again\n  summary: Again.\n", "topics.yaml:7:7: the id `child-protection` is already used by the topic on line 1"),
        BadData("sessions.yaml", TrainingData.sessions, "end: 2026-12-03 16:00", "end: 2026-12-03 08:00", "sessions.yaml:9:8: this session ends (2026-12-03 8am) before it starts (2026-12-03 9.30am)"),
        BadData("sessions.yaml", TrainingData.sessions, "start: 2026-12-03 09:30", "start: 3rd December", "sessions.yaml:8:10: `start` must be a date and time like 2026-12-03 09:30, not “3rd December”"),
        BadData("sessions.yaml", TrainingData.sessions, "start: 2026-12-03 09:30", "start: 2026-12-03 25:30", "sessions.yaml:8:10: `start` must be a date and time like 2026-12-03 09:30, not “2026-12-03 25:30”"),
        BadData("sessions.yaml", TrainingData.sessions, "capacity: 30", "capacity: 0", "sessions.yaml:18:13: `capacity` must be a whole number of at least 1, not “0”"),
        BadData("sessions.yaml", TrainingData.sessions, "capacity: 30", "capacity: lots", "sessions.yaml:18:13: `capacity` must be a whole number of at least 1, not “lots”"),
        BadData("sessions.yaml", TrainingData.sessions, "status: fully-booked", "status: full", "sessions.yaml:19:11: `status` must be one of scheduled, fully-booked, cancelled, postponed, not “full”"),
        BadData("sessions.yaml", TrainingData.sessions, append: "- course: core\n  start: 2026-12-03 09:30\n  end: 2026-12-03 12:00\n  venue: online\n  capacity: 5\n  status: scheduled\n", "sessions.yaml:21:1: this session (core-20261203-0930) is listed twice: the course already has a session starting then"),
        BadData("courses.yaml", TrainingData.courses, "format: e-learning", "format: webinar", "courses.yaml:10:11: `format` must be one of classroom, e-learning, briefing, conference, workshop, not “webinar”"),
        BadData("courses.yaml", TrainingData.courses, "prerequisites: [basics]", "prerequisites: [core]", "courses.yaml:28:18: a course cannot be its own prerequisite"),
        BadData("courses.yaml", TrainingData.courses, "related: [/worried-about-a-child/]", "related: [/worried/]", "courses.yaml:29:13: “/worried/” leads to /worried/, which is not a page of this site"),
        BadData("levels.yaml", TrainingData.levels, "levels: [2, 3]", "levels: [2, 0]", "levels.yaml:23:19: each entry of `levels` must be a whole number of at least 1, not “0”"),
        BadData("levels.yaml", TrainingData.levels, "levels: [2]\n", "levels: []\n", "levels.yaml:25:15: `levels` needs at least one number"),
        BadData("levels.yaml", TrainingData.levels, "- name: Intercollegiate Document levels (health staff)\n      levels: [2]", "- levels: [2]", "levels.yaml:24:7: `name` is missing from the entry of `frameworks` starting here"),
        BadData("levels.yaml", TrainingData.levels, "- name: Intercollegiate Document levels (health staff)\n      levels: [2]", "- name: Working Together 2010 staff groups\n      levels: [4]", "levels.yaml:24:13: the framework “Working Together 2010 staff groups” is already listed for this level on line 22"),
        BadData("levels.yaml", TrainingData.levels, "frameworks:\n    - name: Working Together 2010 staff groups\n      levels: [2, 3]\n    - name: Intercollegiate Document levels (health staff)\n      levels: [2]", "frameworks: Working Together", "levels.yaml:21:15: `frameworks` must be a list, with each entry starting `- `"),
        BadData("roles.yaml", TrainingData.roles, "contact: infrequent", "contact: sometimes", "roles.yaml:4:12: `contact` must be one of none, infrequent, regular, predominant, not “sometimes”"),
        BadData("venues.yaml", TrainingData.venues, "  access: Step-free entrance.\n", "", "venues.yaml:1:3: `access` is missing from the entry starting here"),
        // A value that becomes an address is checked where it is read: this once wrote /tmp/x/index.html.
        BadData("training-programme.yaml", TrainingData.programme, "year: 2012-13", "year: ../../../../tmp/x", "training-programme.yaml:9:11: `year` must be a programme year like 2012-13, not “../../../../tmp/x”"),
        BadData("training-programme.yaml", TrainingData.programme, "year: 2012-13", "year: old", "training-programme.yaml:9:11: `year` must be a programme year like 2012-13, not “old”"),
        BadData("levels.yaml", TrainingData.levels, append: "- id: Level 3\n  name: Level 3\n  title: T\n  summary: S.\n  who: W.\n  description: D.\n  refresher_years: 3\n", "levels.yaml:26:7: the id “Level 3” must be lower-case letters, digits and hyphens"),
    ]

    @Test(arguments: badData)
    func badDataIsALocatedError(_ bad: BadData) {
        let expected = bad.expected
        let scratch = Scratch(TrainingData.files(replacing: bad.file, with: bad.text))
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == ["data/" + expected], "\(DiagnosticFormatter().report(problems))")
        #expect(problems.allSatisfy { $0.hint != nil }, "every error says what to do")
    }

    /// The two fields a level had before `frameworks` are errors that say what to write,
    /// with the framework's name and the numbers given, so a board's mapping is not lost.
    @Test func theFormerFrameworkFieldsSayToWriteFrameworks() {
        let old = TrainingData.levels.replacingOccurrences(of: """
              frameworks:
                - name: Working Together 2010 staff groups
                  levels: [2, 3]
                - name: Intercollegiate Document levels (health staff)
                  levels: [2]
            """, with: """
              working_together_groups: [2, 3]
              intercollegiate_levels: [2]
            """)
        #expect(old != TrainingData.levels)
        let scratch = Scratch(TrainingData.files(replacing: "levels.yaml", with: old))
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == [
            "data/levels.yaml:21:28: `working_together_groups` is no longer a field of a level: its frameworks are listed under `frameworks`",
            "data/levels.yaml:22:27: `intercollegiate_levels` is no longer a field of a level: its frameworks are listed under `frameworks`",
        ], "\(DiagnosticFormatter().report(problems))")
        #expect(problems.allSatisfy { $0.isError })
        #expect(problems.first?.hint?.contains("Write `frameworks:` instead") == true)
        #expect(problems.first?.hint?.contains("frameworks: [{name: Working Together 2010 staff groups, levels: [2, 3]}]") == true)
        #expect(problems.last?.hint?.contains("frameworks: [{name: Intercollegiate Document levels (health staff), levels: [2]}]") == true)
    }

    /// Frameworks are the board's own: any name, any numbers, in the order written, and a
    /// level may have none.
    @Test func anyFrameworkIsAFactOfItsLevel() throws {
        let levels = TrainingData.levels
            .replacingOccurrences(of: "Working Together 2010 staff groups", with: "Working Together to Safeguard Children 2023")
            .replacingOccurrences(of: """
              frameworks:
                - name: Working Together to Safeguard Children 2023
                  levels: [1]
                - name: Intercollegiate Document levels (health staff)
                  levels: [1]

            """, with: "")
        let (scratch, result) = try build(TrainingData.files(replacing: "levels.yaml", with: levels))
        defer { scratch.remove() }
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        let first = try #require(scratch.html("/training/levels/level-1/", in: result))
        #expect(!first.contains("Working Together") && !first.contains("Intercollegiate"))
        let second = try #require(scratch.html("/training/levels/level-2/", in: result))
        #expect(second.contains("<dt class=\"summary-list__key\">Working Together to Safeguard Children 2023</dt>"))
        let json = try CatalogueData.decode(Data(try #require(result.files.first { $0.path == "training/courses.json" }).contents))
        #expect(json.levels[0].frameworks.isEmpty)
        #expect(json.levels[1].frameworks.map(\.name) == ["Working Together to Safeguard Children 2023", "Intercollegiate Document levels (health staff)"])
    }

    /// `booking_terms` and `non_attendance_charge`: who may book and what not coming costs
    /// are the board's to say, under "How to book" on every page that has it, and nothing
    /// is said that the data does not say.
    @Test func bookingTermsAndTheChargeComeFromTheProgramme() throws {
        let charged = "If you cannot come, tell us as soon as you can: a charge of £100 is made for a booked place that is not used without notice."
        let terms = "Places are free to staff of partner agencies and to volunteers."
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        for url in ["/training/", "/training/courses/core/", "/training/brochure/"] {
            let html = try #require(scratch.html(url, in: result))
            #expect(html.contains("<p>\(terms) \(charged)</p>"), "\(url)")
        }
        let course = try #require(scratch.html("/training/courses/core/", in: result))
        #expect(course.contains("A £100 charge if you miss a booked place without telling us"))

        // Neither: no paragraph, no fact, no charge in the open data.
        let neither = TrainingData.programme
            .replacingOccurrences(of: "non_attendance_charge: 100\n", with: "")
            .replacingOccurrences(of: "booking_terms: \(terms)\n", with: "")
        #expect(neither.count < TrainingData.programme.count - 60)
        let (bare, bareResult) = try build(TrainingData.files(replacing: "training-programme.yaml", with: neither))
        defer { bare.remove() }
        #expect(bareResult.warnings.isEmpty, "\(DiagnosticFormatter().report(bareResult.warnings))")
        for url in ["/training/", "/training/courses/core/", "/training/brochure/"] {
            let html = try #require(bare.html(url, in: bareResult))
            #expect(!html.contains("charge") && !html.contains("Places are free"), "\(url)")
            #expect(html.contains("01632 960700</a>.</p>\n</div>"), "\(url): the box ends after how to book")
        }
        #expect(try !#require(bare.html("/training/courses/core/", in: bareResult)).contains("If you do not attend"))
        let json = try CatalogueData.decode(Data(try #require(bareResult.files.first { $0.path == "training/courses.json" }).contents))
        #expect(json.programme.nonAttendanceChargePounds == nil)

        // A charge of 0 is no charge: the terms alone.
        let free = TrainingData.programme.replacingOccurrences(of: "non_attendance_charge: 100", with: "non_attendance_charge: 0")
        let (zero, zeroResult) = try build(TrainingData.files(replacing: "training-programme.yaml", with: free))
        defer { zero.remove() }
        let zeroCourse = try #require(zero.html("/training/courses/core/", in: zeroResult))
        #expect(zeroCourse.contains("<p>\(terms)</p>"))
        #expect(!zeroCourse.contains("£0") && !zeroCourse.contains("charge"))

        // A charge without terms: the charge alone.
        let chargeOnly = TrainingData.programme.replacingOccurrences(of: "booking_terms: \(terms)\n", with: "")
        let (only, onlyResult) = try build(TrainingData.files(replacing: "training-programme.yaml", with: chargeOnly))
        defer { only.remove() }
        #expect(try #require(only.html("/training/", in: onlyResult)).contains("<p>\(charged)</p>"))

        // Plain text, like every field shown as written.
        let marked = Scratch(TrainingData.files(
            replacing: "training-programme.yaml",
            with: TrainingData.programme.replacingOccurrences(of: "to volunteers.", with: "to [volunteers](/about/).")))
        defer { marked.remove() }
        #expect(located(marked.problems()) == [
            "data/training-programme.yaml:12:16: `booking_terms` is shown as plain text, so it cannot hold Markdown or HTML (“](”)",
        ])
    }

    @Test func attendanceTotalsAreComputed() throws {
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        let html = try #require(scratch.html("/training/attendance/2012-13/", in: result))
        #expect(html.contains("95 people attended and 20 booked places were not used: a non-attendance rate of 17.4%."))
        #expect(html.contains("<a href=\"/training/courses/basics/\">Safeguarding basics</a>"))
        #expect(html.contains("<th scope=\"row\" data-label=\"Course\">Old, gone</th>"))
        #expect(html.contains("<td class=\"numeric\" data-label=\"Non-attendance\">19.4%</td>"))
    }

    @Test func badAttendanceFilesAreLocated() {
        let scratch = Scratch(TrainingData.files(
            replacing: "attendance-2012-13.csv", with: "course,attended,did_not_attend\nA,7,six\nB,1\n"
        ).merging(["data/notes.txt": "stray"]) { $1 })
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "data/attendance-2012-13.csv:2:5: “six” is not a whole number",
            "data/attendance-2012-13.csv:3:1: this row has 2 cells, but the first line names 3 columns",
            "data/notes.txt:0:0: this data file is not used",
        ])
        let missing = Scratch(TrainingData.files(replacing: "attendance-2012-13.csv", with: nil))
        defer { missing.remove() }
        #expect(located(missing.problems()) == ["data/training-programme.yaml:8:11: there is no file data/attendance-2012-13.csv"])
    }

    @Test func aMistakeInTheDataIsReportedOnceNotAtEveryPageThatUsesIt() {
        let broken = TrainingData.venues.replacingOccurrences(of: "  access: Step-free entrance.\n", with: "")
        let scratch = Scratch(TrainingData.files(replacing: "venues.yaml", with: broken).merging([
            "guide.md": page(title: "Guide", body: "See [the core course](/training/courses/core/) and [this](/nowhere/).\n\n```courses\ntopic: online-safety\n```"),
        ]) { $1 })
        defer { scratch.remove() }
        // The course list and the link into /training/ wait for the data; other links do not.
        #expect(located(scratch.problems()) == [
            "data/venues.yaml:1:3: `access` is missing from the entry starting here",
            "guide.md:5:52: “/nowhere/” leads to /nowhere/, which is not a page of this site",
        ])
    }

    @Test func aMissingDataFileIsNamed() {
        var files = TrainingData.files()
        files["data/venues.yaml"] = nil
        let scratch = Scratch(files)
        defer { scratch.remove() }
        #expect(located(scratch.problems()).contains { $0.hasSuffix("the training data has no venues.yaml") })
    }

    @Test func upcomingAndPastFollowNow() throws {
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        let page = try #require(scratch.html("/training/courses/core/", in: result))
        let upcoming = page.components(separatedBy: "<details")[0]
        let past = page.components(separatedBy: "<details")[1]
        #expect(upcoming.contains("Thursday 3 December 2026"))
        #expect(upcoming.contains("Thursday 14 January 2027"))
        #expect(!upcoming.contains("3 November 2026"))
        #expect(past.contains("Tuesday 3 November 2026"))
        #expect(past.contains("Past sessions (1)"))
        #expect(past.contains("Took place"))
        #expect(upcoming.contains("href=\"mailto:lscb-training@example.org?subject=Core%203%20December\">Book"))
        #expect(upcoming.contains("Fully booked"))
        #expect(upcoming.contains("href=\"/training/sessions/core-20261203-0930.ics\""))
        // Built for a later day, the December session is past too.
        let later = try scratch.build(now: "2026-12-04")
        let laterPage = try #require(scratch.html("/training/courses/core/", in: later))
        #expect(laterPage.contains("Past sessions (2)"))
    }

    @Test func roleGuidanceLeadsToLevelsAndCourses() throws {
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        let which = try #require(scratch.html("/training/roles/", in: result))
        #expect(which.contains("href=\"/training/roles/teacher/\""))
        #expect(which.contains("You need Level 1 and Level 2."))
        let teacher = try #require(scratch.html("/training/roles/teacher/", in: result))
        #expect(teacher.contains("As a teacher, you need Level 1 and Level 2."))
        #expect(TrainingPages.list(["Level 1", "Level 2", "Level 3"]) == "Level 1, Level 2 and Level 3")
        #expect(TrainingPages.list(["Level 1"]) == "Level 1" && TrainingPages.list([]) == "")
        #expect(teacher.contains("href=\"/training/levels/level-2/\""))
        let recommended = teacher.components(separatedBy: "id=\"recommended\"")[1].components(separatedBy: "<h2")[0]
        #expect(recommended.contains("href=\"/training/courses/core/\""))
        #expect(teacher.contains("Your school has its own training too."))
        let level = try #require(scratch.html("/training/levels/level-2/", in: result))
        // Each framework a fact: its name the label, its levels the value.
        #expect(level.contains("<dt class=\"summary-list__key\">Working Together 2010 staff groups</dt>\n<dd class=\"summary-list__value\">2 and 3</dd>"))
        #expect(level.contains("<dt class=\"summary-list__key\">Intercollegiate Document levels (health staff)</dt>\n<dd class=\"summary-list__value\">2</dd>"))
        #expect(scratch.html("/training/levels/", in: result)?.contains("The board&#39;s two levels of safeguarding training, and how they match national frameworks.") == true)
        let home = try #require(scratch.html("/training/", in: result))
        #expect(home.contains("href=\"/training/roles/\""))
        #expect(home.contains("December 2026"))
        #expect(scratch.html("/training/brochure/", in: result)?.contains("Safeguarding basics") == true)
    }

    @Test func calendarsFollowRFC5545() throws {
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        let all = try #require(result.files.first { $0.path == "training/calendar.ics" })
        let text = String(decoding: all.contents, as: UTF8.self)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "lines are folded at 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends CRLF")
        let events = ICalendarParser.events(text)
        #expect(events.count == 3)
        let december = try #require(events.first { $0["UID"] == "core-20261203-0930@lscb.example.org" })
        #expect(december["DTSTART;TZID=Europe/London"] == "20261203T093000")
        #expect(december["DTEND;TZID=Europe/London"] == "20261203T160000")
        #expect(december["DTSTAMP"] == "20261121T000000Z")
        #expect(december["SUMMARY"] == "Safeguarding core\\, with a long title\\; commas\\, and “quotes” to fold in calendars nicely")
        #expect(december["LOCATION"] == "Town Hall\\, Room 2\\, Main Road\\, Romford RM1 1AA")
        #expect(december["STATUS"] == "CONFIRMED")
        for required in ["UID", "DTSTAMP", "DTSTART;TZID=Europe/London", "SUMMARY"] {
            #expect(events.allSatisfy { $0[required] != nil }, "every event has \(required)")
        }
        let header = ICalendarParser.unfold(text)
        #expect(header.contains("VERSION:2.0"))
        #expect(header.contains("BEGIN:VTIMEZONE"))
        #expect(header.contains("TZID:Europe/London"))
        #expect(header.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        // UIDs do not change between builds.
        let again = try scratch.build(now: "2026-11-21").files.first { $0.path == "training/calendar.ics" }
        #expect(again?.contents == all.contents)
        #expect(result.files.contains { $0.path == "training/courses/core/sessions.ics" })
        #expect(result.files.contains { $0.path == "training/sessions/core-20270114-1300.ics" })
    }

    /// A line break inside a value (`\r\n` is one Swift character; a lone `\r` too) once
    /// added properties and whole events to the calendars. Parsed back, they have none.
    @Test func calendarValuesCannotAddPropertiesOrEvents() throws {
        var files = TrainingData.files()
        files["data/courses.yaml"] = TrainingData.courses.replacingOccurrences(
            of: "title: Safeguarding core, with a long title; commas, and “quotes” to fold in calendars nicely",
            with: #"title: "Core\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\rX-A:1\nX-B:2\u0085X-C:3""#)
        files["data/venues.yaml"] = TrainingData.venues.replacingOccurrences(of: "name: Town Hall, Room 2", with: #"name: "Town Hall\rX-INJECTED:1""#)
        files["site.yaml"] = Scratch.siteYAML.replacingOccurrences(of: "short_name: Test LSCB", with: #"short_name: "Test\r\nX-EVIL:1""#)
        let (scratch, result) = try build(files)
        defer { scratch.remove() }
        let calendars = result.files.filter { $0.path.hasSuffix(".ics") }
        #expect(calendars.count == 6)
        for calendar in calendars {
            let bytes = calendar.contents
            // Every line ends CRLF; no CR or LF stands anywhere else.
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "\(calendar.path): a bare line feed") }
                if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "\(calendar.path): a bare carriage return") }
            }
            let lines = ICalendarParser.unfold(String(decoding: bytes, as: UTF8.self)).components(separatedBy: "\r\n").dropLast()
            #expect(!lines.contains { $0.hasPrefix("X-") && !$0.hasPrefix("X-WR-") }, "\(calendar.path)")
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        }
        let all = String(decoding: try #require(calendars.first { $0.path == "training/calendar.ics" }).contents, as: UTF8.self)
        let events = ICalendarParser.events(all)
        #expect(events.count == 3)
        #expect(events.map { $0["SUMMARY"] }.contains(#"Core\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected\nX-A:1\nX-B:2\#u{85}X-C:3"#))
        #expect(events.contains { $0["LOCATION"] == #"Town Hall\nX-INJECTED:1\, Main Road\, Romford RM1 1AA"# })
        #expect(ICalendarParser.unfold(all).contains(#"PRODID:-//Test\nX-EVIL:1//portal//EN"#))
    }

    @Test func foldingNeverSplitsACharacter() {
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "é", count: 80))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(ICalendarParser.unfold(folded) == "SUMMARY:" + String(repeating: "é", count: 80) + "\r\n")
    }

    @Test func jsonRoundTrips() throws {
        let (scratch, result) = try build(TrainingData.files())
        defer { scratch.remove() }
        let file = try #require(result.files.first { $0.path == "training/courses.json" })
        let data = try CatalogueData.decode(Data(file.contents))
        #expect(data.courses.map(\.id) == ["basics", "core"])
        #expect(data.courses[1].sessions.count == 3)
        #expect(data.courses[1].sessions[0].start == "2026-11-03T09:30")
        #expect(data.courses[1].sessions[2].online)
        #expect(data.programme.nonAttendanceChargePounds == 100)
        #expect(data.levels[1].frameworks == [
            .init(name: "Working Together 2010 staff groups", levels: [2, 3]),
            .init(name: "Intercollegiate Document levels (health staff)", levels: [2]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        #expect(Array(try encoder.encode(data)) + [0x0A] == file.contents, "decoding and encoding again gives the same bytes")
    }

    @Test func courseListsInPages() throws {
        let (scratch, result) = try build(TrainingData.files().merging([
            "guide.md": page(title: "Guide", body: "Courses:\n\n```courses\ntopic: online-safety\n```\n\nAnd code:\n\n```\nplain\n```"),
        ]) { $1 })
        defer { scratch.remove() }
        let html = try #require(scratch.html("/guide/", in: result))
        #expect(html.contains("<ul class=\"item-list course-list\" aria-label=\"Courses: Online safety\">"))
        #expect(html.contains("href=\"/training/courses/core/\""))
        #expect(!html.contains("href=\"/training/courses/basics/\""))
        #expect(html.contains("<pre><code>plain"))

        let bad = Scratch(TrainingData.files().merging([
            "guide.md": page(title: "Guide", body: "```courses\ntopic: online\nlevel: level-1\n```\n\n```courses\nlevel: level-1\ntopic: online-safety\n```"),
        ]) { $1 })
        defer { bad.remove() }
        #expect(located(bad.problems()) == [
            "guide.md:6:8: there is no topic with the id `online`",
            "guide.md:10:1: no course matches this list (Level 1, Online safety)",
        ])
    }
}

/// One broken data file and the one error it must give.
struct BadData: Sendable, CustomTestStringConvertible {
    let file: String
    let text: String
    let expected: String

    init(_ file: String, _ original: String, _ find: String, _ replace: String, _ expected: String) {
        precondition(original.contains(find), "the test's text to replace is not in \(file)")
        self.file = file
        self.text = original.replacingOccurrences(of: find, with: replace)
        self.expected = expected
    }

    init(_ file: String, _ original: String, append: String, _ expected: String) {
        self.file = file
        self.text = original + append
        self.expected = expected
    }

    var testDescription: String { expected }
}

/// A minimal iCalendar reader for tests: unfolds lines and collects each VEVENT's properties.
enum ICalendarParser {
    static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "")
    }

    static func events(_ text: String) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in unfold(text).components(separatedBy: "\r\n") where !line.isEmpty {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { events.append(current ?? [:]); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current?[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return events
    }
}
