
/// Reads the training data files in `Content/data/` into a checked `TrainingCatalogue`.
/// Every problem is located: a wrong value at its value, an unknown id at the id.
public struct TrainingParser {
    public static let fileNames = [
        "training-programme.yaml", "levels.yaml", "topics.yaml", "roles.yaml", "venues.yaml", "courses.yaml",
        "sessions.yaml",
    ]
    /// The columns of an attendance CSV file, in order.
    static let attendanceColumns = ["course", "attended", "did_not_attend"]

    /// Reads the training files among all the data files (by name inside data/): the
    /// catalogue (nil if there is no training data at all, or it has errors), the names of
    /// the files it used, and its problems. The Markdown in the data is compiled with
    /// `context`'s references, to which the training ids are added (`references`).
    public static func parse(_ files: [String: SourceFile], context: DataContext = DataContext()) -> (
        catalogue: TrainingCatalogue?, used: Set<String>, problems: [Diagnostic], references: ReferenceIndex
    ) {
        // topics.yaml on its own is the site's list of topics, not training data.
        guard fileNames.contains(where: { $0 != "topics.yaml" && files[$0] != nil }) else { return (nil, [], [], context.references) }
        var parser = TrainingParser(context: context)
        let catalogue = parser.read(files)
        return (parser.diagnostics.hasErrors ? nil : catalogue, parser.used, parser.diagnostics, parser.context.references)
    }

    /// The site's topics (`topics.yaml`) read on their own, for a site without training
    /// data: the topics, and the problems found.
    static func topics(_ file: SourceFile) -> (topics: [TrainingCatalogue.Topic], problems: [Diagnostic]) {
        var parser = TrainingParser(context: DataContext())
        let topics = parser.entries(file, kind: "topic", Self.readTopic)
        return (topics, parser.diagnostics)
    }

    private var context: DataContext
    private var diagnostics: [Diagnostic] = []
    /// Data files read, by name.
    private var used: Set<String> = Set(fileNames)
    /// `attendance` entries of the programme settings, read with the programme.
    private var attendanceFiles: [(file: String, year: String, title: String, source: String, line: Int, column: Int)] = []
    /// Ids declared in each file, even by entries with other mistakes, so one mistake does
    /// not make every reference to that entry an error too.
    private var declared: [String: Set<String>] = [:]
    /// Ids referred to, checked once everything is read.
    private var references: [(id: String, kind: String, file: SourceFile, line: Int, column: Int)] = []
    /// Markdown fields by entry (`level:level-1`), compiled once every id is known, since a
    /// typed link in one may name any of them.
    private var markdown: [String: (text: String, file: SourceFile, firstLine: Int, indent: Int)] = [:]

    private init(context: DataContext) {
        self.context = context
    }

    private mutating func read(_ files: [String: SourceFile]) -> TrainingCatalogue? {
        for name in Self.fileNames where files[name] == nil {
            let path = files.values.first.map { ($0.path as NSString).deletingLastPathComponent } ?? "Content/data"
            diagnostics.append(Diagnostic(
                .error, at: SourceLocation(path: "\(path)/\(name)"), "the training data has no \(name)",
                hint: "The catalogue needs all of \(Self.fileNames.joined(separator: ", ")). See docs/CONTENT-FORMAT.md."))
        }
        guard Self.fileNames.allSatisfy({ files[$0] != nil }) else { return nil }
        let programme = readProgramme(files["training-programme.yaml"]!)
        var levels = entries(files["levels.yaml"]!, kind: "level", Self.readLevel)
        let topics = entries(files["topics.yaml"]!, kind: "topic", Self.readTopic)
        let roles = entries(files["roles.yaml"]!, kind: "role", Self.readRole)
        let venues = entries(files["venues.yaml"]!, kind: "venue", Self.readVenue)
        var courses = entries(files["courses.yaml"]!, kind: "course", Self.readCourse)
        var sessions = entries(files["sessions.yaml"]!, kind: "session", Self.readSession)
        sessions.sort { ($0.start, $0.course) < ($1.start, $1.course) }

        let known = declared
        let hints = SuggestionCache()
        for reference in references where known[reference.kind]?.contains(reference.id) == false {
            let suggestion = hints.suggestions(reference.kind) { known[reference.kind]!.sorted() }.closest(to: reference.id)
                .map { "Did you mean `\($0)`? " } ?? ""
            diagnostics.append(reference.file.error(
                line: reference.line, column: reference.column,
                "there is no \(reference.kind) with the id `\(reference.id)`",
                hint: "\(suggestion)The \(reference.kind)s are listed in \(reference.kind == "level" ? "levels" : reference.kind + "s").yaml."))
        }
        checkDuplicateSessions(sessions, file: files["sessions.yaml"]!)
        let attendance = readAttendance(files, courses: courses)

        // Every id is known: typed links in pages and in the data can be resolved. Ids in a
        // file with mistakes may be missing, so references into it are not reported again.
        let withErrors = Set(diagnostics.filter(\.isError).map { ($0.location.path as NSString).lastPathComponent })
        context.references.addTraining(
            declared.filter { ["course", "level", "role"].contains($0.key) },
            withErrors: Set(["course", "level", "role"].filter { withErrors.contains(($0 == "level" ? "levels" : $0 + "s") + ".yaml") }))
        context.references.addTopics(declared["topic"] ?? [], withErrors: withErrors.contains("topics.yaml"))
        // The brochure shows every level's description on one page: each keeps clear of the
        // headings of those before it.
        var taken = context.reservedIDs
        for index in levels.indices {
            levels[index].description = compile("level:\(levels[index].id)", clearOf: taken)
            taken.formUnion(levels[index].description.ids)
        }
        for index in courses.indices { courses[index].description = compile("course:\(courses[index].id)", clearOf: context.reservedIDs) }
        guard let programme else { return nil }
        for level in levels {
            links += level.description.links.map { LinkToCheck($0, in: files["levels.yaml"]!, base: "/training/levels/\(level.id)/") }
        }
        for course in courses {
            links += course.description.links.map { LinkToCheck($0, in: files["courses.yaml"]!, base: "/training/courses/\(course.id)/") }
        }
        return TrainingCatalogue(
            programme: programme, levels: levels, topics: topics, roles: roles, venues: venues, courses: courses,
            sessions: sessions, attendance: attendance, links: links)
    }

    // MARK: Files

    private mutating func yaml(_ file: SourceFile) -> YAMLNode? {
        switch YAMLReader.parse(file.text, in: file, firstLine: 1) {
        case .success(let node): return node
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
    }

    /// Reads each entry of a list file, reporting repeated and badly formed ids.
    private mutating func entries<Entry>(
        _ file: SourceFile, kind: String, _ read: (inout TrainingParser, FieldReader, String) -> Entry?
    ) -> [Entry] {
        guard let node = yaml(file) else { return [] }
        guard let sequence = node.sequence else {
            let line = node.line
            diagnostics.append(file.error(
                line: line, column: 1, "\((file.path as NSString).lastPathComponent) must be a list of entries, each starting `- `",
                hint: "See the example in docs/CONTENT-FORMAT.md."))
            return []
        }
        var seen: [String: Int] = [:]
        var found: [Entry] = []
        for item in sequence {
            let fields = FieldReader(item, in: file, firstLine: 1, what: "entry")
            let id: String?
            if kind == "session" {
                id = ""
            } else {
                id = fields.string("id", required: true)
                if let id { declared[kind, default: []].insert(id) }
                if let id {
                    if !SitePath.isCleanSegment(id) {
                        fields.failField("id", "the id “\(id)” must be lower-case letters, digits and hyphens", hint: "Write it like `\(slug(id))`.")
                    } else if let first = seen[id] {
                        fields.failField("id", "the id `\(id)` is already used by the \(kind) on line \(first)", hint: "Give each \(kind) its own id.")
                    } else {
                        seen[id] = fields.located("id")?.line ?? 0
                    }
                }
            }
            let read = read(&self, fields, id ?? "")
            let entry = id == nil ? nil : read
            diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "a \(kind)")
            if let entry { found.append(entry) }
        }
        return found
    }

    private mutating func refer(_ fields: FieldReader, _ key: String, to kind: String, required: Bool = false) -> [String] {
        let items = fields.locatedStrings(key)
        if items.isEmpty && required {
            if fields.has(key) {
                fields.failField(key, "`\(key)` needs at least one \(kind) id", hint: "Write the ids in square brackets, e.g. \(key): [first-id, second-id].")
            } else {
                _ = fields.string(key, required: true)
            }
        }
        for item in items {
            references.append((item.value, kind, fields.file, item.line, item.column))
        }
        return items.map(\.value)
    }

    /// Reads a Markdown field of `entry` (`level:level-1`), to compile once every id is
    /// known; nil if it is missing.
    private mutating func describe(_ fields: FieldReader, _ key: String, entry: String) -> CompiledBody? {
        guard let text = fields.markdown(key, required: true) else { return nil }
        markdown[entry] = (text.text, fields.file, text.firstLine, text.indent)
        return CompiledBody()
    }

    /// The Markdown field of `entry`, compiled as a page's text is: typed links resolved,
    /// headings kept clear of the ids the templates use.
    private mutating func compile(_ entry: String, clearOf reservedIDs: Set<String>) -> CompiledBody {
        guard let field = markdown[entry] else { return CompiledBody() }
        let body = MarkdownCompiler.compile(
            field.text, in: field.file, firstLine: field.firstLine, indent: field.indent, references: context.references,
            reservedIDs: reservedIDs)
        diagnostics += body.diagnostics
        return body
    }

    // MARK: Entries

    private mutating func readProgramme(_ file: SourceFile) -> TrainingCatalogue.Programme? {
        guard let node = yaml(file) else { return nil }
        let fields = FieldReader(node, in: file, firstLine: 1, what: "programme settings")
        let title = fields.string("title", required: true)
        let year = fields.period("year", required: true, kind: "a programme year", example: "2026-27")
        let charge = fields.int("non_attendance_charge", minimum: 0)
        let email = fields.string("booking_email", required: true)
        let phone = fields.string("booking_phone", required: true)
        let note = fields.string("sample_note")
        let terms = fields.string("booking_terms")
        if let terms, let markup = BusinessPlanParser.markup(in: terms) {
            fields.failField(
                "booking_terms", "`booking_terms` is shown as plain text, so it cannot hold Markdown or HTML (“\(markup)”)",
                hint: "Write the words only: they appear exactly as written, without links or emphasis.")
        }
        for entry in fields.list("attendance") {
            let name = entry.string("file", required: true)
            // Named here: a mistake elsewhere in the entry does not make the file unused too.
            if let name { used.insert(name) }
            let year = entry.period("year", required: true, kind: "a programme year", example: "2012-13")
            let title = entry.string("title", required: true)
            let source = entry.string("source", required: true)
            diagnostics += entry.warnAboutUnknownFields(allowed: entry.asked, context: "an `attendance` entry")
            if let name, let year, let title, let source {
                let (line, column) = entry.located("file") ?? entry.start
                attendanceFiles.append((name, year, title, source, line, column))
            }
        }
        diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "the programme settings")
        guard let title, let year, let email, let phone else { return nil }
        return .init(
            title: title, year: year, nonAttendanceCharge: charge, bookingEmail: email, bookingPhone: phone, sampleNote: note,
            bookingTerms: terms)
    }

    private static func readLevel(_ parser: inout TrainingParser, _ fields: FieldReader, _ id: String) -> TrainingCatalogue.Level? {
        let name = fields.string("name", required: true)
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        let who = fields.string("who", required: true)
        let description = parser.describe(fields, "description", entry: "level:\(id)")
        let refresher = fields.int("refresher_years", required: true)
        let frameworks = parser.frameworks(fields)
        guard let name, let title, let summary, let who, let description, let refresher else { return nil }
        return .init(
            id: id, name: name, title: title, summary: summary, who: who, description: description,
            refresherYears: refresher, frameworks: frameworks)
    }

    /// The fields a level had before `frameworks`, each a framework of its own then, with
    /// the name its page showed.
    static let formerFrameworkFields = [
        ("working_together_groups", "Working Together 2010 staff groups"),
        ("intercollegiate_levels", "Intercollegiate Document levels (health staff)"),
    ]

    /// A level's `frameworks`: each a `name` and the framework's `levels` it covers. A
    /// field of the old form is an error that says how to write it now, so the facts it
    /// gave are not lost without a word.
    private mutating func frameworks(_ fields: FieldReader) -> [TrainingCatalogue.Framework] {
        for (key, name) in Self.formerFrameworkFields where fields.has(key) {
            let numbers = fields.strings(key).joined(separator: ", ")
            fields.failField(
                key, "`\(key)` is no longer a field of a level: its frameworks are listed under `frameworks`",
                hint: "Write `frameworks:` instead, with an entry for each framework, its name shown as the label: "
                    + "frameworks: [{name: \(name), levels: [\(numbers)]}]. See docs/CONTENT-FORMAT.md.")
        }
        var found: [TrainingCatalogue.Framework] = []
        var seen: [String: Int] = [:]
        for entry in fields.list("frameworks") {
            let name = entry.string("name", required: true)
            if let name, let (line, _) = entry.located("name") {
                if let first = seen[name] {
                    entry.failField(
                        "name", "the framework “\(name)” is already listed for this level on line \(first)",
                        hint: "List each framework once, with all the levels it covers: levels: [1, 2].")
                } else {
                    seen[name] = line
                }
            }
            let written = entry.locatedStrings("levels")
            if written.isEmpty {
                if entry.has("levels") {
                    entry.failField("levels", "`levels` needs at least one number", hint: "Write the framework's levels in square brackets, e.g. levels: [1, 2].")
                } else {
                    _ = entry.string("levels", required: true)
                }
            }
            let levels = numbers(written, "levels", in: entry.file)
            diagnostics += entry.warnAboutUnknownFields(allowed: entry.asked, context: "an entry of `frameworks`")
            if let name, !levels.isEmpty, levels.count == written.count { found.append(.init(name: name, levels: levels)) }
        }
        return found
    }

    /// The whole numbers of at least 1 written as the entries of `key`.
    private mutating func numbers(
        _ items: [(value: String, line: Int, column: Int)], _ key: String, in file: SourceFile
    ) -> [Int] {
        items.compactMap { item in
            guard let number = Int(item.value), number >= 1 else {
                diagnostics.append(file.error(
                    line: item.line, column: item.column,
                    "each entry of `\(key)` must be a whole number of at least 1, not “\(item.value)”",
                    hint: "Write the numbers in square brackets, e.g. \(key): [1, 2]."))
                return nil
            }
            return number
        }
    }

    private static func readTopic(_ parser: inout TrainingParser, _ fields: FieldReader, _ id: String) -> TrainingCatalogue.Topic? {
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        guard let title, let summary else { return nil }
        let (line, column) = fields.located("id") ?? (1, 1)
        return .init(id: id, title: title, summary: summary, location: SourceLocation(path: fields.file.path, line: line, column: column))
    }

    private static func readRole(_ parser: inout TrainingParser, _ fields: FieldReader, _ id: String) -> TrainingCatalogue.Role? {
        let title = fields.string("title", required: true)
        let sector = fields.string("sector", required: true)
        let contact = fields.choice("contact", required: true, as: TrainingCatalogue.Contact.self)
        let levels = parser.refer(fields, "levels", to: "level", required: true)
        let courses = parser.refer(fields, "courses", to: "course")
        let note = fields.string("note")
        guard let title, let sector, let contact, !levels.isEmpty else { return nil }
        return .init(id: id, title: title, sector: sector, contact: contact, levels: levels, courses: courses, note: note)
    }

    private static func readVenue(_ parser: inout TrainingParser, _ fields: FieldReader, _ id: String) -> TrainingCatalogue.Venue? {
        let name = fields.string("name", required: true)
        let address = fields.string("address", required: true)
        let access = fields.string("access", required: true)
        guard let name, let address, let access else { return nil }
        return .init(id: id, name: name, address: address, access: access)
    }

    private static func readCourse(_ parser: inout TrainingParser, _ fields: FieldReader, _ id: String) -> TrainingCatalogue.Course? {
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        let description = parser.describe(fields, "description", entry: "course:\(id)")
        let levels = parser.refer(fields, "levels", to: "level", required: true)
        let topics = parser.refer(fields, "topics", to: "topic", required: true)
        let roles = parser.refer(fields, "roles", to: "role", required: true)
        let outcomes = fields.strings("outcomes")
        if outcomes.isEmpty { _ = fields.string("outcomes", required: !fields.has("outcomes")) }
        let format = fields.choice("format", required: true, as: TrainingCatalogue.Format.self)
        let duration = fields.string("duration", required: true)
        let provider = fields.choice("provider", required: true, as: TrainingCatalogue.Provider.self)
        let providerName = fields.string("provider_name")
        let cost = fields.string("cost", required: true)
        let prerequisites = parser.refer(fields, "prerequisites", to: "course")
        if prerequisites.contains(id) {
            fields.failField(
                "prerequisites", "a course cannot be its own prerequisite",
                hint: "List only other courses that people should take first.")
        }
        let related = fields.locatedStrings("related")
        for link in related {
            parser.links.append(LinkToCheck(
                url: link.value, file: fields.file, line: link.line, column: link.column,
                base: "/training/courses/\(id)/", allowRelative: false))
        }
        guard let title, let summary, let description, let format, let duration, let provider, let cost,
            !levels.isEmpty, !topics.isEmpty, !roles.isEmpty
        else { return nil }
        return .init(
            id: id, title: title, summary: summary, description: description, levels: levels, topics: topics,
            roles: roles, outcomes: outcomes, format: format, duration: duration, provider: provider,
            providerName: providerName, cost: cost, prerequisites: prerequisites, related: related.map(\.value))
    }

    /// Links written in the data (descriptions, `related`), checked once the site is known.
    private var links: [LinkToCheck] = []

    private static func readSession(_ parser: inout TrainingParser, _ fields: FieldReader, _: String) -> TrainingCatalogue.Session? {
        let course = parser.refer(fields, "course", to: "course", required: true).first
        let start = parser.dateTime(fields, "start")
        let end = parser.dateTime(fields, "end")
        if let start, let end, end <= start {
            fields.failField(
                "end", "this session ends (\(end.day.iso) \(end.clockText)) before it starts (\(start.day.iso) \(start.clockText))",
                hint: "Check the date and time of `start` and `end`; times are written 24-hour, like 16:00.")
        }
        var venue: String?
        if let place = fields.locatedStrings("venue").first {
            if place.value != "online" {
                venue = place.value
                parser.references.append((place.value, "venue", fields.file, place.line, place.column))
            }
        } else {
            _ = fields.string("venue", required: true)
        }
        let capacity = fields.int("capacity", required: true)
        let status = fields.choice("status", required: true, as: TrainingCatalogue.Status.self)
        let booking = fields.string("booking")
        if let booking, let (line, column) = fields.located("booking") {
            // Checked as every address is, here and, once the site is known, where it leads.
            if case .failure(let problem) = AddressCheck.check(booking) {
                fields.failField("booking", "`booking`: \(problem.message)", hint: problem.hint)
            } else {
                parser.links.append(LinkToCheck(
                    url: booking, file: fields.file, line: line, column: column,
                    base: TrainingPages.courseURL(course ?? ""), allowRelative: false))
            }
        }
        guard let course, let start, let end, end > start, let capacity, let status else { return nil }
        let id = "\(course)-\(start.compact.prefix(8))-\(start.compact.dropFirst(9).prefix(4))"
        parser.sessionLines[id, default: []].append(fields.located("start")?.line ?? 0)
        return .init(id: id, course: course, start: start, end: end, venue: venue, capacity: capacity, status: status, booking: booking)
    }

    private var sessionLines: [String: [Int]] = [:]

    private mutating func checkDuplicateSessions(_ sessions: [TrainingCatalogue.Session], file: SourceFile) {
        for (id, lines) in sessionLines where lines.count > 1 {
            for line in lines.sorted().dropFirst() {
                diagnostics.append(file.error(
                    line: line, column: 1, "this session (\(id)) is listed twice: the course already has a session starting then",
                    hint: "Delete one of the two entries, or correct its start."))
            }
        }
    }

    /// The attendance CSV files: columns `course`, `attended`, `did_not_attend`, whole numbers.
    private mutating func readAttendance(
        _ files: [String: SourceFile], courses: [TrainingCatalogue.Course]
    ) -> [TrainingCatalogue.Attendance] {
        var years: [TrainingCatalogue.Attendance] = []
        let programme = files["training-programme.yaml"]!
        for entry in attendanceFiles {
            guard let file = files[entry.file] else {
                diagnostics.append(programme.error(
                    line: entry.line, column: entry.column, "there is no file data/\(entry.file)",
                    hint: "Put the CSV file in Content/data/, or correct its name here."))
                continue
            }
            let (table, problems) = CSVTable.read(file)
            diagnostics += problems
            guard let table else { continue }
            let columns = Self.attendanceColumns
            guard table.header.map(\.text) == columns else {
                diagnostics.append(file.error(
                    line: 1, column: 1, "the first line must name the columns \(columns.joined(separator: ","))",
                    hint: "Write exactly: \(columns.joined(separator: ","))"))
                continue
            }
            var rows: [TrainingCatalogue.Attendance.Row] = []
            for row in table.rows where row.count == columns.count {
                let numbers = row.dropFirst().compactMap { cell -> Int? in
                    guard let number = Int(cell.text), number >= 0 else {
                        diagnostics.append(file.error(
                            line: cell.line, column: cell.column, "“\(cell.text)” is not a whole number",
                            hint: "Write the count in digits, with no spaces or other characters; write 0 for none."))
                        return nil
                    }
                    return number
                }
                guard numbers.count == 2 else { continue }
                rows.append(.init(
                    course: row[0].text, courseID: courses.first { $0.title == row[0].text }?.id,
                    attended: numbers[0], didNotAttend: numbers[1]))
            }
            years.append(.init(year: entry.year, title: entry.title, source: entry.source, rows: rows))
        }
        return years.sorted { $0.year > $1.year }
    }

    private mutating func dateTime(_ fields: FieldReader, _ key: String) -> LocalDateTime? {
        guard let text = fields.string(key, required: true) else { return nil }
        guard let time = LocalDateTime(text) else {
            fields.failField(
                key, "`\(key)` must be a date and time like 2026-12-03 09:30, not “\(text)”",
                hint: "Write the date year-month-day, a space, then the 24-hour time with a colon.")
            return nil
        }
        return time
    }
}

import Foundation
