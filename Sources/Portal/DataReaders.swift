/// What the readers of data need from the rest of the site to compile the Markdown in it
/// as a page's text is compiled: the typed references of the written pages, and the ids
/// the theme's templates use, which headings must not take.
public struct DataContext: Sendable {
    public var references: ReferenceIndex
    public var reservedIDs: Set<String>

    public init(references: ReferenceIndex = ReferenceIndex(pages: []), reservedIDs: Set<String> = MarkdownCompiler.reservedIDs) {
        self.references = references
        self.reservedIDs = reservedIDs
    }
}

/// What the readers of `Content/data/` made: generators of pages and files, the training
/// catalogue (which pages may list courses from), and the names of the files they used.
public struct DataReading: Sendable {
    public var generators: [any PageGenerator] = []
    public var catalogue: TrainingCatalogue?
    public var used: Set<String> = []
    public var problems: [Diagnostic] = []
    /// Folders of the pages made from data that has errors. Those errors are reported, so
    /// links into these folders, and course lists, are not reported again as broken.
    public var unreadableFolders: Set<String> = []
    /// The context's references with the ids the data declares (courses, levels …).
    public var references = ReferenceIndex(pages: [])
    /// The site's topics (`topics.yaml`; none without it), or nil if they could not be
    /// read, when pages' topics are not checked.
    public var topics: [TrainingCatalogue.Topic]? = []
    /// The glossary (`glossary.yaml`): nil without one, or when it could not be read.
    public var glossary: Glossary?
}

/// Every reader of `Content/data/`: each takes the files it understands, by name.
public enum DataReaders {
    public static func read(_ files: [String: SourceFile], context: DataContext = DataContext()) -> DataReading {
        var reading = DataReading()
        let training = TrainingParser.parse(files, context: context)
        reading.references = training.references
        reading.catalogue = training.catalogue
        reading.generators += training.catalogue.map { [TrainingPages(catalogue: $0)] } ?? []
        reading.used.formUnion(training.used)
        reading.problems += training.problems
        if training.catalogue == nil && training.problems.hasErrors { reading.unreadableFolders.insert(TrainingPages.root) }
        // Topics: the training data's when there is some (its parser gave the references
        // their ids), or topics.yaml read on its own.
        if let catalogue = training.catalogue {
            reading.topics = catalogue.topics
        } else if training.problems.hasErrors {
            reading.topics = nil
            // A missing training file stops the parser before the ids are known: a `topic:`
            // link then waits for that mistake to be put right.
            if !reading.references.knowsTopics { reading.references.addTopics([], withErrors: true) }
        } else if let file = files["topics.yaml"] {
            let (topics, problems) = TrainingParser.topics(file)
            reading.topics = problems.hasErrors ? nil : topics
            reading.used.insert("topics.yaml")
            reading.problems += problems
            reading.references.addTopics(Set(topics.map(\.id)), withErrors: problems.hasErrors)
        } else {
            reading.references.addTopics([], withErrors: false)
        }
        if reading.topics == nil { reading.unreadableFolders.insert(TopicPages.root) }
        reading.generators.append(TopicPages(topics: reading.topics ?? [], catalogue: training.catalogue))
        // Business plans: every `business-plan-*.yaml`, one plan a file.
        let plans = BusinessPlans.read(files)
        if !plans.plans.isEmpty { reading.generators.append(BusinessPlanPages(plans: plans.plans)) }
        reading.used.formUnion(plans.used)
        reading.problems += plans.problems
        if plans.problems.hasErrors { reading.unreadableFolders.insert(BusinessPlanPages.root) }
        // The glossary, linked from pages' text and listed at /glossary/.
        if let file = files[GlossaryParser.fileName] {
            let (glossary, problems) = GlossaryParser.parse(file, reservedIDs: context.reservedIDs)
            reading.glossary = glossary
            reading.used.insert(GlossaryParser.fileName)
            reading.problems += problems
            if let glossary { reading.generators.append(GlossaryPage(glossary: glossary)) }
            if problems.hasErrors { reading.unreadableFolders.insert(Glossary.url) }
        }
        return reading
    }
}
