import Foundation

/// Makes the training catalogue's pages, calendars and open data from a `TrainingCatalogue`.
public struct TrainingPages: PageGenerator {
    public let catalogue: TrainingCatalogue
    public static let root = "/training/"

    public init(catalogue: TrainingCatalogue) {
        self.catalogue = catalogue
    }

    public var links: [LinkToCheck] { catalogue.links }

    // MARK: Addresses

    static func courseURL(_ id: String) -> String { "\(root)courses/\(id)/" }
    static func levelURL(_ id: String) -> String { "\(root)levels/\(id)/" }
    static func roleURL(_ id: String) -> String { "\(root)roles/\(id)/" }
    static func attendanceURL(_ year: String) -> String { "\(root)attendance/\(year)/" }
    static let whichLevelURL = "\(root)roles/"
    static let brochureURL = "\(root)brochure/"
    static let calendarPath = "training/calendar.ics"
    static let dataPath = "training/courses.json"
    static func courseCalendarPath(_ id: String) -> String { "training/courses/\(id)/sessions.ics" }
    static func sessionCalendarPath(_ id: String) -> String { "training/sessions/\(id).ics" }

    // MARK: Pages

    public func pages(in site: Site) -> [GeneratedPage] {
        // No pages of their own for topics: each topic's hub (`TopicPages`) lists its courses.
        var pages = [home(site), whichLevel(), brochure(site), coursesIndex(), levelsIndex()]
        pages += catalogue.levels.map(levelPage)
        pages += catalogue.roles.map(rolePage)
        pages += catalogue.courses.map { coursePage($0, site: site) }
        pages += catalogue.attendance.map(attendancePage)
        if !catalogue.attendance.isEmpty { pages.append(attendanceIndex()) }
        return pages
    }

    private var booking: BookingView {
        let programme = catalogue.programme
        return BookingView(
            email: programme.bookingEmail, phone: programme.bookingPhone,
            mailto: Placeholders.mailtoURL(programme.bookingEmail), tel: Placeholders.telURL(programme.bookingPhone),
            terms: programme.bookingTerms,
            charge: programme.charge.map { "£\($0)" }, hasTerms: programme.bookingTerms != nil || programme.charge != nil)
    }

    private func home(_ site: Site) -> GeneratedPage {
        let written = site.page(at: Self.root)?.page
        let title = written?.title ?? "Training"
        let summary = written?.summary ?? catalogue.programme.title
        let upcoming = catalogue.sessions.filter { $0.isUpcoming(now: site.now) }
        var ids = UniqueIDs(taken: site.page(at: Self.root)?.body.ids ?? [])
        var months: [MonthView] = []
        for session in upcoming {
            let name = session.start.day.monthAndYear
            if months.last?.title != name {
                months.append(MonthView(title: name, id: ids.claim(slug(name)), sessions: []))
            }
            months[months.count - 1].sessions.append(row(session, now: site.now))
        }
        let view = TrainingHomeView(
            title: title, summary: summary, intro: site.page(at: Self.root)?.body.html ?? "",
            programme: catalogue.programme.title, sampleNote: catalogue.programme.sampleNote,
            levels: catalogue.levels.map {
                LevelCardView(name: $0.name, title: $0.title, summary: $0.summary, url: Self.levelURL($0.id))
            },
            topics: topicsOfCourses.sorted { $0.title < $1.title }.map { LinkView(title: $0.title, url: TopicPages.url($0.id) + "#courses") },
            sectors: sectors(), months: months, booking: booking, calendarURL: "/" + Self.calendarPath,
            dataURL: "/" + Self.dataPath,
            attendance: catalogue.attendance.map { LinkView(title: $0.title, url: Self.attendanceURL($0.year)) })
        return GeneratedPage(url: Self.root, title: title, summary: summary, template: "training-home", view: view)
    }

    /// Roles grouped by sector, sectors and roles in alphabetical order.
    private func sectors() -> [GroupView] {
        let grouped = Dictionary(grouping: catalogue.roles, by: \.sector)
        return grouped.keys.sorted().map { sector in
            GroupView(
                title: sector, id: slug(sector), summary: nil,
                items: grouped[sector]!.sorted { $0.title < $1.title }.map { role in
                    ListItemView(
                        title: role.title, url: Self.roleURL(role.id),
                        summary: "You need " + Self.list(role.levels.compactMap { catalogue.level($0)?.name }) + ".",
                        date: nil, label: nil)
                })
        }
    }

    private func whichLevel() -> GeneratedPage {
        let summary = "Choose your role to see the level of safeguarding training you need and the courses to book."
        let view = TrainingListView(
            title: "Which level of training do I need?", summary: summary, intro: "", facts: [],
            notes: [
                "Find the role closest to yours. If you have more than one role, follow the one with the most contact with children.",
                "Every level should be refreshed at least every \(catalogue.levels.first?.refresherYears ?? 3) years.",
            ],
            groups: sectors())
        return GeneratedPage(
            url: Self.whichLevelURL, title: "Which level of training do I need?", summary: summary,
            template: "training-list", view: view)
    }

    private func courseItem(_ course: TrainingCatalogue.Course) -> ListItemView {
        let levels = course.levels.compactMap { catalogue.level($0)?.name }.joined(separator: ", ")
        return ListItemView(
            title: course.title, url: Self.courseURL(course.id), summary: course.summary, date: nil,
            label: "\(levels) · \(course.format.title) · \(course.duration)")
    }

    func courses(where matches: (TrainingCatalogue.Course) -> Bool) -> [ListItemView] {
        catalogue.courses.filter(matches).sorted { $0.title < $1.title }.map(courseItem)
    }

    /// The topics some course has, in the list's order: each has a hub listing its courses.
    var topicsOfCourses: [TrainingCatalogue.Topic] {
        let used = Set(catalogue.courses.flatMap(\.topics))
        return catalogue.topics.filter { used.contains($0.id) }
    }

    private func coursesIndex() -> GeneratedPage {
        let summary = "Every course in the programme, by level."
        let groups = catalogue.levels.map { level in
            GroupView(
                title: "\(level.name): \(level.title)", id: level.id, summary: level.summary,
                items: courses { $0.levels.first == level.id })
        }
        let view = TrainingListView(title: "All courses", summary: summary, intro: "", facts: [], notes: [], groups: groups)
        return GeneratedPage(url: "\(Self.root)courses/", title: "All courses", summary: summary, template: "training-list", view: view)
    }

    private func levelsIndex() -> GeneratedPage {
        let count = catalogue.levels.count
        let levels = count == 1 ? "level" : "\(Self.numberWords[count] ?? String(count)) levels"
        let matched = catalogue.levels.contains { !$0.frameworks.isEmpty }
        let summary = "The board's \(levels) of safeguarding training\(matched ? ", and how \(count == 1 ? "it matches" : "they match") national frameworks" : "")."
        let items = catalogue.levels.map {
            ListItemView(title: "\($0.name): \($0.title)", url: Self.levelURL($0.id), summary: $0.summary, date: nil, label: nil)
        }
        let view = TrainingListView(
            title: "Training levels", summary: summary, intro: "", facts: [], notes: [],
            groups: [GroupView(title: "Levels", id: "levels", summary: nil, items: items)])
        return GeneratedPage(url: "\(Self.root)levels/", title: "Training levels", summary: summary, template: "training-list", view: view)
    }

    private func levelPage(_ level: TrainingCatalogue.Level) -> GeneratedPage {
        let title = "\(level.name): \(level.title)"
        var facts = [
            FactView(label: "Who it is for", text: level.who),
            FactView(label: "Refresh", text: "At least every \(level.refresherYears) years"),
        ]
        // A framework's name is its label; its levels or staff groups are the value: `3 and 4`.
        facts += level.frameworks.map { FactView(label: $0.name, text: Self.list($0.levels.map(String.init))) }
        let roles = catalogue.roles.filter { $0.levels.contains(level.id) }.sorted { $0.title < $1.title }.map {
            ListItemView(title: $0.title, url: Self.roleURL($0.id), summary: nil, date: nil, label: nil)
        }
        var ids = UniqueIDs(taken: level.description.ids)
        let view = TrainingListView(
            title: title, summary: level.summary, intro: level.description.html, facts: facts, notes: [],
            groups: [
                GroupView(title: "Courses at this level", id: ids.claim("courses"), summary: nil, items: courses { $0.levels.contains(level.id) }),
                GroupView(title: "Roles that need this level", id: ids.claim("roles"), summary: nil, items: roles),
            ])
        return GeneratedPage(url: Self.levelURL(level.id), title: title, summary: level.summary, template: "training-list", view: view)
    }

    private func rolePage(_ role: TrainingCatalogue.Role) -> GeneratedPage {
        let levels = role.levels.compactMap { catalogue.level($0) }
        let summary = "As a \(role.title.lowercased()), you need \(Self.list(levels.map(\.name)))."
        var facts = levels.map {
            FactView(label: "\($0.name): \($0.title)", text: $0.summary, url: Self.levelURL($0.id))
        }
        facts.append(FactView(label: "Contact with children", text: Self.contactText(role.contact)))
        facts.append(FactView(label: "Sector", text: role.sector))
        let recommended = role.courses.compactMap { catalogue.course($0) }.map(courseItem)
        let others = courses { course in
            !role.courses.contains(course.id) && !Set(course.levels).isDisjoint(with: role.levels)
        }
        let view = TrainingListView(
            title: role.title, summary: summary, intro: "", facts: facts, notes: role.note.map { [$0] } ?? [],
            groups: [
                GroupView(title: "Recommended courses", id: "recommended", summary: nil, items: recommended),
                GroupView(title: "Other courses at your levels", id: "other-courses", summary: nil, items: others),
            ])
        return GeneratedPage(url: Self.roleURL(role.id), title: role.title, summary: summary, template: "training-list", view: view)
    }

    private func coursePage(_ course: TrainingCatalogue.Course, site: Site) -> GeneratedPage {
        let now = site.now
        let sessions = catalogue.sessions(of: course.id)
        let upcoming = sessions.filter { $0.isUpcoming(now: now) }.map { row($0, now: now) }
        let past = sessions.filter { !$0.isUpcoming(now: now) }.reversed().map { row($0, now: now) }
        let view = TrainingCourseView(
            title: course.title, summary: course.summary, facts: facts(of: course), description: course.description.html,
            outcomes: course.outcomes, upcoming: upcoming, past: Array(past), pastCount: past.count,
            related: course.related.map { LinkView(title: site.title(of: $0), url: $0) }, booking: booking,
            sampleNote: catalogue.programme.sampleNote, calendarURL: "/" + Self.courseCalendarPath(course.id))
        let filters = [
            "level": course.levels.compactMap { catalogue.level($0)?.name },
            "topic": course.topics.compactMap { catalogue.topic($0)?.title },
            "audience": ["Professionals"],
        ]
        return GeneratedPage(
            url: Self.courseURL(course.id), title: course.title, summary: course.summary, template: "training-course",
            view: view, searchFilters: filters)
    }

    func facts(of course: TrainingCatalogue.Course) -> [FactView] {
        var facts: [FactView] = course.levels.compactMap { id in
            catalogue.level(id).map { FactView(label: "Level", text: "\($0.name): \($0.title)", url: Self.levelURL($0.id)) }
        }
        let roles = course.roles.compactMap { catalogue.role($0)?.title }
        facts.append(FactView(label: "Who it is for", text: roles.joined(separator: ", ")))
        facts.append(FactView(label: "Format", text: course.format.title))
        facts.append(FactView(label: "Duration", text: course.duration))
        facts.append(FactView(label: "Provider", text: course.providerName ?? (course.provider == .inHouse ? "The board's training team" : "An external provider")))
        facts.append(FactView(label: "Cost", text: course.cost))
        if let charge = catalogue.programme.charge {
            facts.append(FactView(
                label: "If you do not attend", text: "A £\(charge) charge if you miss a booked place without telling us"))
        }
        for id in course.prerequisites {
            if let first = catalogue.course(id) {
                facts.append(FactView(label: "Take first", text: first.title, url: Self.courseURL(id)))
            }
        }
        return facts
    }

    private func brochure(_ site: Site) -> GeneratedPage {
        let title = "Training brochure \(catalogue.programme.year)"
        let summary = "The whole multi-agency training programme on one page, by level, ready to print."
        var ids = UniqueIDs(taken: Set(catalogue.levels.flatMap(\.description.headings).map(\.id)).union(["levels"]))
        // Each course is listed under its first level, and has an id for the printed contents and index.
        var courseIDs: [String: String] = [:]
        let levelIDs = catalogue.levels.map { ids.claim($0.id) }
        let levels = zip(catalogue.levels, levelIDs).map { level, levelID in
            BrochureLevelView(
                name: level.name, title: level.title, id: levelID, description: level.description.html, who: level.who,
                roles: catalogue.roles.filter { $0.levels.contains(level.id) }.map(\.title).sorted().joined(separator: "; "),
                refresher: "Refresh at least every \(level.refresherYears) years.",
                courses: catalogue.courses.filter { $0.levels.first == level.id }.sorted { $0.title < $1.title }.map { course in
                    let id = ids.claim(course.id)
                    courseIDs[course.id] = id
                    return BrochureCourseView(
                        title: course.title, id: id, url: Self.courseURL(course.id), summary: course.summary,
                        facts: facts(of: course).filter { $0.label != "Level" && $0.label != "If you do not attend" },
                        outcomes: course.outcomes,
                        dates: catalogue.sessions(of: course.id).filter { $0.isUpcoming(now: site.now) }.map { row($0, now: site.now) })
                })
        }
        let view = TrainingBrochureView(
            title: title, summary: summary, sampleNote: catalogue.programme.sampleNote, levels: levels, booking: booking)
        // Printed: the contents by level, and an index of the courses by topic at the back.
        let contents = levels.map { level in
            ContentsEntryView(
                text: "\(level.name): \(level.title)", id: level.id,
                children: level.courses.map { ContentsEntryView(text: $0.title, id: $0.id, children: []) })
        }
        let index = topicsOfCourses.map { topic in
            GroupView(
                title: topic.title, id: "", summary: nil,
                items: catalogue.courses.filter { $0.topics.contains(topic.id) }.sorted { $0.title < $1.title }.compactMap { course in
                    courseIDs[course.id].map { ListItemView(title: course.title, url: "#" + $0, summary: nil, date: nil, label: nil) }
                })
        }
        return GeneratedPage(
            url: Self.brochureURL, title: title, summary: summary, template: "training-brochure", view: view,
            print: PrintExtras(contents: contents, indexTitle: "Courses by topic", index: index))
    }

    private func attendancePage(_ year: TrainingCatalogue.Attendance) -> GeneratedPage {
        func view(_ course: String, _ url: String?, _ attended: Int, _ missed: Int) -> AttendanceRowView {
            let booked = attended + missed
            let rate = booked == 0 ? "–" : String(format: "%.1f%%", Double(missed) * 100 / Double(booked))
            return AttendanceRowView(course: course, url: url, attended: String(attended), didNotAttend: String(missed), rate: rate)
        }
        let rows = year.rows.map { view($0.course, $0.courseID.map(Self.courseURL), $0.attended, $0.didNotAttend) }
        let total = view(
            "Total", nil, year.rows.reduce(0) { $0 + $1.attended }, year.rows.reduce(0) { $0 + $1.didNotAttend })
        let summary = "\(total.attended) people attended and \(total.didNotAttend) booked places were not used: a non-attendance rate of \(total.rate)."
        // The figures drawn as bars too, each labelled, above the table that gives them all
        // (a year of more courses than a chart shows has the table alone).
        let bars = year.rows.count <= ChartLayout.categoryLimit ? try? ChartLayout.bars(
            categories: year.rows.map(\.course),
            series: [
                ChartLayout.Series(name: "Attended", values: year.rows.map { Double($0.attended) }, texts: rows.map(\.attended)),
                ChartLayout.Series(name: "Did not attend", values: year.rows.map { Double($0.didNotAttend) }, texts: rows.map(\.didNotAttend)),
            ]).get() : nil
        let chartTitle = "People who attended and booked places not used, by course"
        let chart = bars.map { ChartSVG.write($0, id: "attendance-chart", title: chartTitle, description: summary) }
        let view = TrainingAttendanceView(
            title: year.title, summary: summary, source: year.source, chartTitle: chartTitle, chart: chart, rows: rows, total: total)
        return GeneratedPage(
            url: Self.attendanceURL(year.year), title: year.title, summary: summary, template: "training-attendance", view: view)
    }

    private func attendanceIndex() -> GeneratedPage {
        let summary = "How many people attended each course in past programme years."
        let items = catalogue.attendance.map {
            ListItemView(title: $0.title, url: Self.attendanceURL($0.year), summary: $0.source, date: nil, label: nil)
        }
        let view = TrainingListView(
            title: "Training attendance", summary: summary, intro: "", facts: [], notes: [],
            groups: [GroupView(title: "Years", id: "years", summary: nil, items: items)])
        return GeneratedPage(url: "\(Self.root)attendance/", title: "Training attendance", summary: summary, template: "training-list", view: view)
    }

    func row(_ session: TrainingCatalogue.Session, now: Day) -> SessionRowView {
        let course = catalogue.course(session.course)
        let upcoming = session.isUpcoming(now: now)
        let status = upcoming || session.status == .cancelled ? session.status.title : "Took place"
        let venue = session.venue.flatMap { catalogue.venue($0) }
        let day = session.start.day
        return SessionRowView(
            id: session.id, courseTitle: course?.title ?? session.course, courseURL: Self.courseURL(session.course),
            date: "\(day.weekday) \(day.long)", dateISO: day.iso,
            time: "\(session.start.clockText) to \(session.end.clockText)", startISO: session.start.iso,
            venue: venue.map { "\($0.name), \($0.address)" } ?? "Online", venueAccess: venue?.access,
            status: status, bookable: upcoming && session.status == .scheduled,
            bookingURL: session.booking, bookingOutside: session.booking.map(AddressCheck.isOutsideWeb) ?? false,
            calendarURL: "/" + Self.sessionCalendarPath(session.id))
    }

    static func contactText(_ contact: TrainingCatalogue.Contact) -> String {
        switch contact {
        case .none: "No direct contact"
        case .infrequent: "Occasional contact"
        case .regular: "Regular contact"
        case .predominant: "Works mainly with children, young people or parents"
        }
    }

    /// `Level 1, Level 2 and Level 3`, as people write a list.
    /// Small counts in words, as a sentence writes them.
    static let numberWords = [
        2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    ]

    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    // MARK: Files

    public func files(in site: Site) -> [OutputFile] {
        let calendar = ICalendar(catalogue: catalogue, site: site)
        var files = [
            OutputFile(path: Self.calendarPath, contents: calendar.document(name: catalogue.programme.title, sessions: catalogue.sessions)),
            OutputFile(path: Self.dataPath, contents: CatalogueData(catalogue: catalogue, site: site).json()),
        ]
        for course in catalogue.courses {
            files.append(OutputFile(
                path: Self.courseCalendarPath(course.id),
                contents: calendar.document(name: course.title, sessions: catalogue.sessions(of: course.id))))
        }
        for session in catalogue.sessions {
            files.append(OutputFile(
                path: Self.sessionCalendarPath(session.id),
                contents: calendar.document(name: catalogue.course(session.course)?.title ?? session.course, sessions: [session])))
        }
        return files
    }
}
