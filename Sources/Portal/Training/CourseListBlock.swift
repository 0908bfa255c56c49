/// ```` ```courses ```` in a page: a list of the courses that match every filter given
/// (level, topic, role, format), rendered with the theme's `course-list` partial.
public struct CourseListBlock: FencedBlockRenderer {
    let pages: TrainingPages?
    let theme: Theme
    /// The training data has errors, reported where they are: a list is not one more.
    let dataHasErrors: Bool

    public init(catalogue: TrainingCatalogue?, theme: Theme, dataHasErrors: Bool = false) {
        self.pages = catalogue.map(TrainingPages.init)
        self.theme = theme
        self.dataHasErrors = dataHasErrors
    }

    /// The filters a course list accepts.
    static let fields = ["level", "topic", "role", "format"]

    public var infoStrings: Set<String> { ["courses"] }
    public var templates: Set<String> { ["course-list"] }

    public func render(info: String, body: String, file: SourceFile, firstLine: Int, ids: inout UniqueIDs) -> BlockOutput {
        guard let pages else {
            if dataHasErrors { return BlockOutput(html: nil) }
            return BlockOutput(html: nil, problems: [file.error(
                line: firstLine - 1, column: 1, "there is no training data to list courses from",
                hint: "Add the training data files to Content/data/ (see docs/CONTENT-FORMAT.md), or remove this block.")])
        }
        let catalogue = pages.catalogue
        var node: YAMLNode?
        switch YAMLReader.parse(body, in: file, firstLine: firstLine) {
        case .success(let parsed): node = parsed
        case .failure(let problem): return BlockOutput(html: nil, problems: [problem])
        }
        let fields = FieldReader(node, in: file, firstLine: firstLine, what: "course list")
        var filters: [(String, (TrainingCatalogue.Course) -> Bool)] = []
        func filter(_ key: String, _ known: [String], describe: (String) -> String?, _ match: @escaping (TrainingCatalogue.Course, String) -> Bool) {
            guard let id = fields.string(key) else { return }
            guard known.contains(id) else {
                let suggestion = closest(to: id, in: known).map { "Did you mean `\($0)`? " } ?? ""
                fields.failField(key, "there is no \(key) with the id `\(id)`", hint: "\(suggestion)Known: \(known.joined(separator: ", ")).")
                return
            }
            filters.append((describe(id) ?? id, { match($0, id) }))
        }
        filter("level", catalogue.levels.map(\.id), describe: { catalogue.level($0)?.name }) { $0.levels.contains($1) }
        filter("topic", catalogue.topics.map(\.id), describe: { catalogue.topic($0)?.title }) { $0.topics.contains($1) }
        filter("role", catalogue.roles.map(\.id), describe: { catalogue.role($0)?.title }) { $0.roles.contains($1) }
        filter("format", TrainingCatalogue.Format.allCases.map(\.rawValue), describe: { TrainingCatalogue.Format(rawValue: $0)?.title }) {
            $0.format.rawValue == $1
        }
        var problems = fields.warnAboutUnknownFields(allowed: Self.fields, context: "a course list")
        if filters.isEmpty && !problems.hasErrors {
            problems.append(file.error(
                line: firstLine - 1, column: 1, "this course list has no filter",
                hint: "Add a line such as `topic: child-sexual-exploitation` or `level: level-1` inside the block."))
        }
        let courses = pages.courses { course in filters.allSatisfy { $0.1(course) } }
        if courses.isEmpty && !problems.hasErrors {
            problems.append(file.error(
                line: firstLine - 1, column: 1, "no course matches this list (\(filters.map(\.0).joined(separator: ", ")))",
                hint: "Check the filters: a course must match all of them."))
        }
        guard !problems.hasErrors else { return BlockOutput(html: nil, problems: problems) }
        let view = CourseListView(courses: courses, filter: filters.map(\.0).joined(separator: ", "))
        return BlockOutput(html: theme.render(view, template: "course-list"), problems: problems)
    }
}
