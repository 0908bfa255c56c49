/// Every name an author can write, where it can be written: what docs/CONTENT-FORMAT.md
/// must document (`DocsTests` fails on any it does not). The names come from the readers
/// themselves, so a field added to a reader is checked without a word here:
///
/// - readers with a fixed list (pages, `site.yaml` and its `branding`, ```` ```table ````,
///   ```` ```courses ````, the attendance CSV) are listed by their own static lists;
/// - readers that accept exactly the fields they ask for (the training data, business
///   plans) are asked: each reads a probe with a name it does not know, in every list of
///   entries it has, and its warning names the fields it knows.
public enum AcceptedFields {
    public struct Group: Sendable, Equatable {
        /// Where the names are written, e.g. "site.yaml" or "levels.yaml: an entry of `frameworks`".
        public var place: String
        public var names: [String]
    }

    /// Every group, fixed lists first, then those the readers answered with.
    public static let all: [Group] = fixed + asked()

    static var fixed: [Group] {
        var groups = [
            Group(place: "a page's front matter (every kind)", names: PageParser.commonFields),
        ]
        for kind in PageKind.allCases where !PageParser.fields(of: kind).isEmpty {
            groups.append(Group(place: "a page's front matter (kind: \(kind.rawValue))", names: PageParser.fields(of: kind)))
        }
        groups += [
            Group(place: "site.yaml", names: SiteConfig.knownFields),
            Group(place: "site.yaml: `navigation` and `footer` entries", names: SiteConfig.linkFields),
            Group(place: "site.yaml: `doors` entries", names: SiteConfig.doorFields),
            Group(place: "site.yaml: `contacts` entries", names: SiteConfig.contactFields),
            Group(place: "site.yaml: the `branding` group", names: Branding.fields),
            Group(place: "site.yaml: the `reading` group", names: ReadingSettings.fields),
            Group(place: "site.yaml: an audience's target under `reading`", names: ReadingTarget.fields),
            Group(place: "a ```table block", names: DataTableBlock.fields),
            Group(place: "a ```chart block", names: ChartBlock.fields),
            Group(place: "a ```courses block", names: CourseListBlock.fields),
            Group(place: "an attendance CSV file (its columns)", names: TrainingParser.attendanceColumns),
            Group(place: "glossary.yaml: an entry", names: GlossaryParser.fields),
            // Written `policy:threshold-document`: the kind and a colon start the link.
            Group(place: "a typed link", names: ReferenceIndex.kinds.map { $0 + ":" }),
        ]
        return groups
    }

    // MARK: Asking the readers

    /// The name no reader knows, whose warnings list the fields each knows.
    static let probeName = "portal_probe_of_accepted_fields"

    /// A mapping given to a reader: the probe name, and for each field found to be a list,
    /// one entry of its own. `line` is where its probe name was written.
    private final class Probe {
        var lists: [(field: String, entry: Probe)] = []
        var tried: Set<String> = []
        var line = 0
        var answer: (context: String, names: [String])?
    }

    /// A data file read as a list of entries, or as one mapping.
    private struct ProbedFile {
        var name: String
        var isList: Bool
        var root = Probe()
    }

    /// Asks the training and business plan readers for their fields, one level of lists
    /// deeper each round: every field a reader knows is given a list with one probe entry,
    /// and those the reader reads as lists of entries answer in turn.
    static func asked() -> [Group] {
        var files = TrainingParser.fileNames.map { ProbedFile(name: $0, isList: $0 != "training-programme.yaml") }
        files.append(ProbedFile(name: "business-plan-2013-14.yaml", isList: false))
        for _ in 0..<6 {
            var sources: [String: SourceFile] = [:]
            for file in files {
                var lines: [String] = []
                write(file.root, indent: 0, asEntry: file.isList, into: &lines)
                sources[file.name] = SourceFile(
                    path: "Content/data/\(file.name)", relativePath: "data/\(file.name)", text: lines.joined(separator: "\n") + "\n")
            }
            let plan = sources["business-plan-2013-14.yaml"]!
            var problems = BusinessPlanParser.parse(plan, name: "business-plan-2013-14.yaml").1
            sources["business-plan-2013-14.yaml"] = nil
            problems += TrainingParser.parse(sources).problems
            var grew = false
            for file in files {
                for probe in probes(under: file.root) where probe.answer == nil {
                    probe.answer = answer(in: problems, file: file.name, line: probe.line)
                    for name in probe.answer?.names ?? [] where !probe.tried.contains(name) {
                        probe.tried.insert(name)
                        probe.lists.append((name, Probe()))
                        grew = true
                    }
                }
                // A field that gave no answer is not a list of entries: it is not asked again.
                for probe in probes(under: file.root) {
                    probe.lists.removeAll { $0.entry.line != 0 && $0.entry.answer == nil }
                }
            }
            if !grew { break }
        }
        var groups: [Group] = []
        for file in files {
            for probe in probes(under: file.root) {
                guard let answer = probe.answer else { continue }
                let place = "\(file.name.hasPrefix("business-plan-") ? "business-plan-….yaml" : file.name): \(answer.context)"
                if let index = groups.firstIndex(where: { $0.place == place }) {
                    groups[index].names = Array(Set(groups[index].names + answer.names)).sorted()
                } else {
                    groups.append(Group(place: place, names: answer.names))
                }
            }
        }
        return groups
    }

    private static func probes(under probe: Probe) -> [Probe] {
        [probe] + probe.lists.flatMap { probes(under: $0.entry) }
    }

    /// The probe as YAML lines: its probe name, then each list with its one entry.
    private static func write(_ probe: Probe, indent: Int, asEntry: Bool, into lines: inout [String]) {
        lines.append(String(repeating: " ", count: indent) + (asEntry ? "- " : "") + "\(probeName): 1")
        probe.line = lines.count
        let inner = indent + (asEntry ? 2 : 0)
        for (field, entry) in probe.lists {
            lines.append(String(repeating: " ", count: inner) + "\(field):")
            write(entry, indent: inner + 2, asEntry: true, into: &lines)
        }
    }

    /// What a reader said of the probe name at `line` of `file`: “`…` is not a field of a
    /// level; it is ignored”, hint “… Known fields: id, name, title.”
    private static func answer(in problems: [Diagnostic], file: String, line: Int) -> (context: String, names: [String])? {
        for problem in problems where problem.location.line == line && problem.location.path.hasSuffix("/" + file) {
            let message = problem.message
            guard message.hasPrefix("`\(probeName)` is not a field of "),
                let hint = problem.hint, let known = hint.range(of: "Known fields: ")
            else { continue }
            let context = message.dropFirst("`\(probeName)` is not a field of ".count).prefix { $0 != ";" }
            var list = hint[known.upperBound...]
            if list.hasSuffix(".") { list = list.dropLast() }
            return (String(context), list.split(separator: ", ").map(String.init).sorted())
        }
        return nil
    }
}
