import Foundation

/// What a build reads, where it writes, and for which day.
public struct BuildOptions: Sendable {
    public var content: String
    /// The project's theme folder: its files take the place of the built-in theme's.
    public var theme: String
    /// Whether `theme` was named, so must exist (the default `Theme` need not).
    public var themeRequired: Bool
    public var output: String
    /// The day the site is built for: pages dated later are not published. An input, never
    /// read from the clock inside the pipeline, so builds repeat byte for byte.
    public var now: Day
    public var includeDrafts: Bool
    /// Replace the output folder even if portal did not make it (see `OutputWriter.checkSafe`).
    public var force: Bool
    /// Pagefind, to index the written site; without it the site has no search index.
    public var searchIndex: SearchIndex?
    /// WeasyPrint, to make the PDFs of printed pages; without it they have none.
    public var printer: Printer?
    /// A folder for what later builds can reuse (PDFs), or nil to keep nothing.
    public var cache: String?
    /// Whether a page over its reading target stops the build when `site.yaml` says
    /// `over_target: error`; `portal check` passes false, to list those pages instead.
    public var readingOverTargetStops: Bool

    public init(
        content: String, theme: String = "Theme", themeRequired: Bool = false, output: String, now: Day,
        includeDrafts: Bool = false, force: Bool = false, searchIndex: SearchIndex? = nil, printer: Printer? = nil,
        cache: String? = nil, readingOverTargetStops: Bool = true
    ) {
        self.searchIndex = searchIndex
        self.printer = printer
        self.cache = cache
        self.readingOverTargetStops = readingOverTargetStops
        self.content = content
        self.theme = theme
        self.themeRequired = themeRequired
        self.output = output
        self.now = now
        self.includeDrafts = includeDrafts
        self.force = force
    }
}

/// What a successful build did.
public struct BuildResult: Sendable {
    /// The files made in memory: every file of the site from `generate`; none from `run`,
    /// which writes each file as it is made.
    public var files: [OutputFile]
    /// Theme files copied as they are.
    public var copies: [ThemeAsset]
    public var pageCount: Int
    public var warnings: [Diagnostic]
    /// Every file of the site, as paths under the output folder.
    public var paths: [String]
    /// The pages that have a PDF when WeasyPrint is installed (see `PrintedPages`).
    public var printable = 0

    init(
        files: [OutputFile], copies: [ThemeAsset], pageCount: Int, warnings: [Diagnostic],
        paths: [String]? = nil
    ) {
        self.files = files
        self.copies = copies
        self.pageCount = pageCount
        self.warnings = warnings
        self.paths = paths ?? files.map(\.path) + copies.map(\.outputPath)
    }
}

/// The pipeline: read → parse → resolve → render → write. Only the first and last stages
/// touch the disk; every stage returns its problems, and any error stops the build
/// before anything is written.
public enum Build {
    /// Everything but writing: the finished files, or every problem found.
    public static func generate(_ options: BuildOptions) throws(BuildFailed) -> BuildResult {
        try generate(resolved(options))
    }

    static func generate(_ resolved: Resolved) -> BuildResult {
        let (site, theme, warnings) = (resolved.site, resolved.theme, resolved.warnings)

        // Render
        let clock = StageClock()
        let renderer = Renderer(site: site, theme: theme)
        let urls = renderer.urls
        clock.mark("listings")
        let pages = parallelMap(urls) { renderer.render(url: $0) }
        clock.mark("pages")
        let files = pages + renderer.filesBesidesPages()
        clock.mark("feeds, sitemap, email")
        return BuildResult(files: files, copies: theme.assets, pageCount: urls.count, warnings: warnings)
    }

    /// Read, parse and resolve: the checked site and the theme to render it with.
    public static func resolve(_ options: BuildOptions) throws(BuildFailed) -> (site: Site, theme: Theme, warnings: [Diagnostic]) {
        let resolved = try resolved(options)
        return (resolved.site, resolved.theme, resolved.warnings)
    }

    /// A resolved site with what compiled its pages, so a page can be compiled again
    /// the same way (BuildSession).
    struct Resolved {
        var site: Site
        var theme: Theme
        var warnings: [Diagnostic]
        var blocks: [any FencedBlockRenderer]
        /// The files of Content/data/, by name, and those the readers of data read (the
        /// others are read by ```table blocks alone).
        var dataFiles: [String: SourceFile]
        var readByData: Set<String>
        var references: ReferenceIndex
        /// The glossary pages' terms link to.
        var glossary: Glossary?
        /// The ids headings may not take (the theme's).
        var reservedIDs: Set<String>
        /// What the build read and compiled, when it was given a cache to use.
        var cache: PageCache?
    }

    /// With a `cache`, pages whose text it holds are not read or compiled again (see `PageCache`).
    static func resolved(_ options: BuildOptions, cache: PageCache? = nil) throws(BuildFailed) -> Resolved {
        let clock = StageClock()
        let content = options.content.trimmingTrailingSlashes()
        let themeRoot = options.theme.trimmingTrailingSlashes()
        var diagnostics: [Diagnostic] = []

        // Read
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildFailed([Diagnostic(
                .error, at: SourceLocation(path: content), "the content folder does not exist",
                hint: "Run the command from the project folder, or give the folder with --content.")])
        }
        let paths = SourceTree.list(content)
        var pageFiles: [SourceFile] = []
        var configFile: SourceFile?
        var dataFiles: [String: SourceFile] = [:]
        // Files are read in parallel; the results keep the sorted order. Others are reported
        // once the settings tell whether one is the logo.
        var other: [String] = []
        let wanted = paths.filter { path in
            let known = path.hasSuffix(".md") || path == "site.yaml" || path.hasPrefix("data/")
            if !known { other.append(path) }
            return known
        }
        // A page's front matter is read as soon as its file is: it needs nothing else.
        let read = parallelMap(wanted) { path -> (Result<SourceFile, Diagnostic>, (Page?, [Diagnostic])?) in
            let result = SourceTree.read(root: content, relativePath: path, displayRoot: content)
            guard path.hasSuffix(".md"), case .success(let file) = result else { return (result, nil) }
            return (result, cache?.parsed(file) ?? PageParser.parse(file))
        }
        var frontMatter: [(Page?, [Diagnostic])] = []
        for (path, (result, parsed)) in zip(wanted, read) {
            switch result {
            case .success(let file):
                if let parsed {
                    pageFiles.append(file)
                    frontMatter.append(parsed)
                } else if path.hasPrefix("data/") {
                    dataFiles[String(path.dropFirst("data/".count))] = file
                } else {
                    configFile = file
                }
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let (theme, themeProblems) = Theme.load(from: themeRoot, displayRoot: themeRoot, required: options.themeRequired)
        diagnostics += themeProblems
        clock.mark("read, front matter")

        // Parse: settings and data, then Markdown in parallel (results keep the files' order;
        // front matter was read with the files).
        var config: SiteConfig?
        var brandingFiles: [OutputFile] = []
        if let configFile {
            let (parsed, problems) = SiteConfig.parse(configFile)
            config = parsed
            diagnostics += problems
            if let logo = parsed?.branding.logo {
                switch logo.read(from: content) {
                case .success(let read):
                    brandingFiles.append(read.file)
                    config?.branding.logo?.width = read.image.width
                    config?.branding.logo?.height = read.image.height
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        } else {
            diagnostics.append(Diagnostic(
                .error, at: SourceLocation(path: "\(content)/site.yaml"), "the site settings file is missing",
                hint: "Create site.yaml in the content folder with the board's name, base_url, navigation and contacts."))
        }
        // Typed references to written pages, known before any Markdown is compiled; the data
        // adds its own ids. Pages that could not be read are named, so links to them are
        // not reported as a second mistake.
        let pageReferences = ReferenceIndex(
            pages: frontMatter.compactMap(\.0),
            unreadable: zip(pageFiles, frontMatter).compactMap { $1.0 == nil ? $0.relativePath : nil })
        let reservedIDs = theme.map { MarkdownCompiler.reservedIDs.union($0.ids) } ?? MarkdownCompiler.reservedIDs
        // Data files: each reader takes the files it understands; any left over are reported.
        let data = DataReaders.read(dataFiles, context: DataContext(references: pageReferences, reservedIDs: reservedIDs))
        let catalogue = data.catalogue
        diagnostics += data.problems
        let blocks: [any FencedBlockRenderer] = theme.map {
            [CourseListBlock(catalogue: catalogue, theme: $0, dataHasErrors: data.unreadableFolders.contains(TrainingPages.root)),
             DataTableBlock(dataFiles: dataFiles, theme: $0), ChartBlock(dataFiles: dataFiles, theme: $0)]
        } ?? []
        // Details only the board knows, still to be written in: a warning each.
        let scanned = pageFiles + (configFile.map { [$0] } ?? []) + dataFiles.values.sorted { $0.path < $1.path }
        let placeholders = parallelMap(scanned) { Placeholders.find(in: $0) }
        for (file, found) in zip(scanned, placeholders) { diagnostics += Placeholders.warnings(found, in: file) }
        let allPlaceholders = placeholders.flatMap { $0 }
        // Only once the settings are read: until then, any file might be the logo.
        for path in other where config != nil && path != config?.branding.logo?.path {
            diagnostics.append(Diagnostic(
                .warning, at: SourceLocation(path: "\(content)/\(path)"), "this file is not used",
                hint: "Pages are .md files, the settings are in site.yaml and data files in data/; other files here are ignored."))
        }
        clock.mark("settings and data")
        diagnostics += frontMatter.flatMap(\.1)
        diagnostics += TopicPages.unknownTopics(of: frontMatter.compactMap(\.0), topics: data.topics)
        let references = data.references
        let baseURL = config?.baseURL ?? ""
        let glossary = data.glossary
        let reading = config?.reading
        // Compiled text links to the glossary: after it changes, none is reused. (A page
        // kept from before its audience had a reading target is measured when checked.)
        let compiled = cache?.glossary == glossary ? cache : nil
        // Each page's compiled text, and whether it was compiled now (not found in the cache).
        let parsed = parallelMap(Array(zip(pageFiles, frontMatter))) { file, parsed -> (ResolvedPage?, [Diagnostic], Bool) in
            guard let page = parsed.0 else { return (nil, [], false) }
            if let body = compiled?.body(file) { return (ResolvedPage(page: page, body: body), body.diagnostics, false) }
            let body = compile(
                page, blocks: blocks, references: references, baseURL: baseURL, reservedIDs: reservedIDs, glossary: glossary,
                reading: reading)
            return (ResolvedPage(page: page, body: body), body.diagnostics, true)
        }
        clock.mark("markdown")
        // The preview keeps what was read and compiled, for its next build.
        let kept = cache.map { _ in
            var kept = PageCache()
            kept.glossary = glossary
            for (file, (front, compiled)) in zip(pageFiles, zip(frontMatter, parsed)) {
                kept.entries[file.relativePath] = PageCache.Entry(text: file.text, parsed: front, body: compiled.0?.body)
            }
            kept.compiled = parsed.count(where: \.2)
            return kept
        }
        diagnostics += parsed.flatMap(\.1)
        if var reading {
            if !options.readingOverTargetStops { reading.overTarget = .warning }
            diagnostics += ReadingCheck.problems(
                parsed.compactMap(\.0), settings: reading, now: options.now, includeDrafts: options.includeDrafts)
        }
        let usedData = parsed.reduce(into: data.used) { $0.formUnion($1.0?.body.usedData ?? []) }
        for (name, file) in dataFiles.sorted(by: { $0.key < $1.key }) where !usedData.contains(name) {
            diagnostics.append(Diagnostic(
                .warning, at: SourceLocation(path: file.path), "this data file is not used",
                hint: "No page or part of the site reads it: a table names its file with `file:` in a ```table block; see docs/CONTENT-FORMAT.md for the others."))
        }
        guard let config, let theme else { throw BuildFailed(diagnostics) }

        // Resolve. Still run after a page failed to read, to report every problem at once;
        // links to the pages that failed are not called broken.
        let unreadable = Set(zip(pageFiles, parsed).compactMap { file, result in
            result.0 == nil ? try? URLMapping.url(forContentPath: file.relativePath).get() : nil
        })
        var (site, problems) = Resolver.resolve(
            config: config, pages: parsed.compactMap(\.0), unreadable: unreadable, unreadableFolders: data.unreadableFolders,
            assets: theme.assetURLs,
            generators: data.generators + [SearchPage(hasIndex: options.searchIndex != nil)], references: references,
            topics: data.topics ?? [], now: options.now, includeDrafts: options.includeDrafts)
        site.dataFiles += brandingFiles
        site.hasSearchIndex = options.searchIndex != nil
        site.placeholders = allPlaceholders
        site.topicsOfCourses = Set(catalogue?.courses.flatMap(\.topics) ?? [])
        clock.mark("resolve")
        diagnostics += problems
        diagnostics += theme.problems(for: site.pages)
        guard !diagnostics.hasErrors else { throw BuildFailed(diagnostics) }
        return Resolved(
            site: site, theme: theme, warnings: diagnostics, blocks: blocks, dataFiles: dataFiles, readByData: data.used,
            references: references, glossary: glossary, reservedIDs: reservedIDs, cache: kept)
    }

    /// A page's Markdown compiled as a build compiles it; measured for reading when
    /// `reading` gives the page a target.
    static func compile(
        _ page: Page, blocks: [any FencedBlockRenderer], references: ReferenceIndex, baseURL: String, reservedIDs: Set<String>,
        glossary: Glossary?, reading: ReadingSettings?
    ) -> CompiledBody {
        MarkdownCompiler.compile(
            page.body, in: page.file, firstLine: page.bodyFirstLine, blocks: blocks, references: references,
            plainTextBase: page.kind == .newsletter ? baseURL : nil, reservedIDs: reservedIDs,
            glossary: glossary.map { GlossaryLinks(glossary: $0, checkAbbreviations: PageReading.isForThePublic(page)) },
            measureReading: reading?.target(for: page) != nil)
    }

    /// The whole build, written into `options.output` only if nothing went wrong.
    public static func run(_ options: BuildOptions) throws -> BuildResult {
        try written(options).result
    }

    /// `run`, keeping the resolved site for a preview's next rebuild (BuildSession). Each
    /// page is written as it is rendered: into a new folder swapped in at the end or, for
    /// the preview, over the site it wrote before (`previous`, the paths of its files).
    static func written(
        _ options: BuildOptions, cache: PageCache? = nil, replacing previous: [String]? = nil, first: OpenPagesFirst? = nil
    ) throws -> (resolved: Resolved, result: BuildResult) {
        try OutputWriter.checkSafe(output: options.output, protecting: [options.content, options.theme], force: options.force)
        let resolved = try resolved(options, cache: cache)
        let (site, theme) = (resolved.site, resolved.theme)
        let clock = StageClock()
        var renderer = Renderer(site: site, theme: theme)
        let urls = renderer.urls
        clock.mark("listings")
        let printing = options.printing(baseURL: site.config.baseURL)
        let printable = renderer.printSources()
        if let printing {
            renderer.printed = try printing.documents(printable)
            printing.prune(keeping: renderer.printed)
        }
        clock.mark("PDFs")
        // The files besides pages (nil) are made first, on one core while the other starts
        // on the pages; over the preview's site, after the pages open in its browser.
        let (ordered, open) = previous == nil ? (urls, 0) : first?.ordered(urls) ?? (urls, 0)
        let tasks: [String?] = ordered[..<open].map { $0 } + [nil] + ordered[open...].map { $0 }
        let make: @Sendable (String?) -> [OutputFile] = { [renderer] url in
            url.map { [renderer.render(url: $0)] } ?? renderer.filesBesidesPages()
        }
        let writer = OutputWriter(output: options.output)
        var paths: [String]
        if let previous {
            paths = try writer.rewrite(
                tasks, copies: theme.assets, replacing: previous, first: open, afterFirst: first?.written, making: make)
            try options.searchIndex?.build(in: options.output)
        } else {
            let staging = try writer.stage()
            do {
                paths = try staging.write(tasks, making: make)
                try staging.finish(copies: theme.assets, searchIndex: options.searchIndex)
                paths += theme.assets.map(\.outputPath)
            } catch {
                staging.discard()
                throw error
            }
        }
        clock.mark("pages, feeds, sitemap, email, assets")
        var result = BuildResult(files: [], copies: theme.assets, pageCount: urls.count, warnings: resolved.warnings, paths: paths)
        result.printable = printable.count
        return (resolved, result)
    }
}

extension BuildOptions {
    /// How this build makes PDFs, if it can.
    func printing(baseURL: String) -> Printing? {
        printer.map { Printing(printer: $0, cache: cache.map { PrintCache(folder: "\($0)/print") }, baseURL: baseURL) }
    }
}

extension String {
    func trimmingTrailingSlashes() -> String {
        var text = self
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
