import Foundation

/// A build kept in memory between rebuilds, for `portal serve`. After an edit that changes
/// only the text of pages (not what lists, menus or other pages show of them: title,
/// summary, dates, kind, topics, related), only those pages are compiled, checked and
/// rendered again, with the pages whose "Mentioned in" changed, and written in place.
/// After an edit to the theme's templates or assets only, the kept site is rendered again
/// through the new templates, for the pages that use a changed one. Any other change
/// (settings, data, new or removed files, front matter, templates of blocks inside page
/// text, errors, headings other pages link to), and any rebuild after one that failed,
/// builds everything again, reusing the pages it read and compiled before (`PageCache`)
/// and writing over the site it wrote before, in place. Pages are matched by content: a
/// file saved unchanged is not rebuilt at all.
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions
    private var state: State?
    /// Pages read and compiled by the last full build, for the next one (kept after a failure:
    /// entries match on content, so they stay true).
    private var pages = PageCache()
    /// The files of the site in the output, as this session last wrote them in full; nil
    /// before the first build and after a write failed, when the next build starts afresh.
    private var written: [String]?
    private let lock = NSLock()

    private struct State {
        var resolved: Build.Resolved
        var renderer: Renderer
        /// Content path (relative) → index in `resolved.site.pages`.
        var pageFiles: [String: Int]
    }

    /// What a rebuild did.
    public struct Outcome: Sendable {
        public var result: BuildResult
        /// Pages rendered: every page after a full build, a few after an edit.
        public var rendered: Int
        /// Pages whose Markdown was compiled: after a change to the settings or data, only
        /// new or changed pages and those whose text uses the data or other pages.
        public var compiled: Int
        public var incremental: Bool
        /// The reading figures of the pages among the files changed, against their targets,
        /// for the preview to show after an edit; none after the first build.
        public var reading: [PageReading] = []
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds after a change to `changed` (display paths, as `content/…`); nil or a change
    /// the session cannot follow builds everything. Throws like `Build.run`. With `first`,
    /// the open pages are written before the others.
    public func rebuild(changed: [String]?, first: OpenPagesFirst? = nil) throws -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        // After a failure the files on disk are no longer what the kept build was made
        // from (the failed edit is still there): the next rebuild must be a full one.
        let kept = state
        state = nil
        if let changed, let kept, var outcome = try incremental(changed, kept, first: first) ?? themeChange(changed, kept, first: first) {
            outcome.reading = readings(of: changed)
            return outcome
        }
        let resolved: Build.Resolved
        let result: BuildResult
        do {
            (resolved, result) = try Build.written(options, cache: pages, replacing: written, first: first)
        } catch let failed as BuildFailed {
            throw failed  // found before anything was written: the site on disk is as it was
        } catch {
            written = nil
            throw error
        }
        written = result.paths
        pages = resolved.cache ?? PageCache()
        let site = resolved.site
        state = State(
            resolved: resolved, renderer: Renderer(site: site, theme: resolved.theme),
            pageFiles: Dictionary(uniqueKeysWithValues: site.pages.indices.map { (site.pages[$0].page.file.relativePath, $0) }))
        return Outcome(
            result: result, rendered: result.pageCount, compiled: pages.compiled, incremental: false,
            reading: changed.map(readings) ?? [])
    }

    /// The reading figures of the pages of the kept site among `changed` (display paths):
    /// those `portal check` gives figures for, pages for the public or with a target.
    private func readings(of changed: [String]) -> [PageReading] {
        guard let state else { return [] }
        let root = options.content.trimmingTrailingSlashes()
        return changed.compactMap { path in
            guard path.hasPrefix(root + "/"), let index = state.pageFiles[String(path.dropFirst(root.count + 1))] else { return nil }
            return PageReading(state.resolved.site.pages[index], settings: state.resolved.site.config.reading)
        }
    }

    /// The rebuild of a few pages' text, or of the pages whose tables show a changed data
    /// file, or nil when a full build is needed.
    private func incremental(_ changed: [String], _ state: State, first: OpenPagesFirst? = nil) throws -> Outcome? {
        let root = options.content.trimmingTrailingSlashes()
        var site = state.resolved.site
        var edited: [Int] = []
        var warnings: [Diagnostic] = []
        var state = state
        // Data files only ```table and ```chart blocks read (not the training data, topics, glossary or
        // business plans): the pages showing them are compiled again with the new file.
        var tables: [String: SourceFile] = [:]
        for path in changed where path.hasPrefix(root + "/data/") {
            let relative = String(path.dropFirst(root.count + 1))
            let name = String(relative.dropFirst("data/".count))
            guard !state.resolved.readByData.contains(name), state.resolved.dataFiles[name] != nil,
                case .success(let file) = SourceTree.read(root: root, relativePath: relative, displayRoot: root),
                Placeholders.find(in: file).isEmpty
            else { return nil }
            if file.text != state.resolved.dataFiles[name]?.text { tables[name] = file }
        }
        var pagePaths: [(relative: String, index: Int)] = []
        for path in changed where !path.hasPrefix(root + "/data/") {
            guard path.hasPrefix(root + "/"), path.hasSuffix(".md") else { return nil }
            let relative = String(path.dropFirst(root.count + 1))
            guard let index = state.pageFiles[relative] else { return nil }
            pagePaths.append((relative, index))
        }
        if !tables.isEmpty {
            state.resolved.dataFiles.merge(tables) { $1 }
            state.resolved.blocks = state.resolved.blocks.map { ($0 as? any DataFileBlock)?.reading(state.resolved.dataFiles) ?? $0 }
            let edits = Set(pagePaths.map(\.index))
            for (index, resolved) in site.pages.enumerated()
            where !edits.contains(index) && !resolved.body.usedData.isDisjoint(with: tables.keys) {
                pagePaths.append((resolved.page.file.relativePath, index))
            }
        }
        for (relative, index) in pagePaths {
            guard case .success(let file) = SourceTree.read(root: root, relativePath: relative, displayRoot: root) else { return nil }
            let old = site.pages[index]
            if file.text == old.page.file.text, old.body.usedData.isDisjoint(with: tables.keys) { continue }
            // Pages that introduce a page made from data are part of its view: build all.
            guard site.generated[old.page.url] == nil else { return nil }
            let (parsed, problems) = PageParser.parse(file)
            guard let page = parsed, problems.isEmpty, Self.listed(page) == Self.listed(old.page) else { return nil }
            let body = Build.compile(
                page, blocks: state.resolved.blocks, references: state.resolved.references, baseURL: site.config.baseURL,
                reservedIDs: state.resolved.reservedIDs, glossary: state.resolved.glossary, reading: site.config.reading)
            guard body.diagnostics.isEmpty else { return nil }
            // Over its target: a warning to show; an error (`over_target: error`) is left to
            // the full build, which stops and reports it.
            if options.includeDrafts || page.isPublished(now: options.now),
                let problem = ReadingCheck.problem(page, measures: body.reading, settings: site.config.reading)
            {
                guard !problem.isError else { return nil }
                warnings.append(problem)
            }
            var resolved = ResolvedPage(page: page, body: body)
            resolved.related = old.related
            resolved.mentionedIn = old.mentionedIn
            site.pages[index] = resolved
            edited.append(index)
        }
        guard !edited.isEmpty else {
            self.state = state
            return Outcome(
                result: BuildResult(files: [], copies: [], pageCount: state.renderer.urls.count, warnings: []), rendered: 0,
                compiled: 0, incremental: true)
        }

        // Links: the edited pages' own, and, where headings changed, every link to a heading.
        let checker = LinkChecker(site: site, unpublished: [], unreadable: [])
        let old = state.resolved.site
        let headingsChanged = edited.contains { old.pages[$0].body.headings.map(\.id) != site.pages[$0].body.headings.map(\.id) }
        if headingsChanged, site.pages.contains(where: { $0.page.related.contains { $0.target.contains("#") } }) { return nil }
        for index in headingsChanged ? Array(site.pages.indices) : edited {
            let resolved = site.pages[index]
            for link in resolved.body.links where !headingsChanged || edited.contains(index) || link.url.contains("#") {
                if checker.check(link.url, from: resolved.page.url, allowRelative: true, written: link.written, image: link.isImage) != nil {
                    return nil
                }
            }
        }

        // "Mentioned in": recounted for the pages an edit links to, or no longer does.
        var affected: Set<String> = []
        for index in edited {
            affected.formSymmetricDifference(Set(Resolver.mentions(in: old.pages[index])).symmetricDifference(Resolver.mentions(in: site.pages[index])))
        }
        affected = affected.filter { site.pageIndex[$0] != nil }
        if !affected.isEmpty {
            var mentions: [String: [String]] = [:]
            for resolved in site.pages {
                for target in Resolver.mentions(in: resolved) where affected.contains(target) {
                    mentions[target, default: []].append(resolved.page.url)
                }
            }
            for target in affected { site.pages[site.pageIndex[target]!].mentionedIn = mentions[target] ?? [] }
        }

        var renderer = state.renderer.replacing(site: site)
        let urls = Set(edited.map { site.pages[$0].page.url }).union(affected).sorted()
        var next = state
        next.resolved.site = site
        var files = parallelMap(urls) { [renderer] in renderer.render(url: $0) } + renderer.siteFiles()
        // A printed page is shown first; its PDF (seconds, if it changed) is made after, and
        // the page written again if its link now gives another size or number of pages.
        if urls.contains(where: renderer.isPrinted) {
            try OutputWriter(output: options.output).update(files)
            first?.written()
            let (pdfs, relinked) = try reprint(urls, in: &renderer)
            files = pdfs + relinked.sorted().map { [renderer] in renderer.render(url: $0) }
        }
        return try finish(next, renderer: renderer, rendered: urls.count, compiled: edited.count, files: files, warnings: warnings)
    }

    /// Writes what a partial rebuild made, keeps its state for the next and says what it did.
    private func finish(
        _ state: State, renderer: Renderer, rendered: Int, compiled: Int = 0, files: [OutputFile], warnings: [Diagnostic] = []
    ) throws -> Outcome {
        try OutputWriter(output: options.output).update(files)
        var next = state
        next.renderer = renderer
        self.state = next
        return Outcome(
            result: BuildResult(files: files, copies: [], pageCount: renderer.urls.count, warnings: warnings),
            rendered: rendered, compiled: compiled, incremental: true)
    }

    /// The rebuild after a change to the theme alone, or nil when a full build is needed:
    /// pages whose template (or a partial in it) changed are rendered again, changed assets
    /// copied.
    private func themeChange(_ changed: [String], _ state: State, first: OpenPagesFirst?) throws -> Outcome? {
        let root = options.theme.trimmingTrailingSlashes()
        var templates: Set<String> = []
        var assets: [String] = []
        for path in changed {
            if path.hasPrefix(root + "/templates/"), path.hasSuffix(".mustache") {
                templates.insert(String(path.dropFirst(root.count + "/templates/".count).dropLast(".mustache".count)))
            } else if path.hasPrefix(root + "/assets/") {
                assets.append(String(path.dropFirst(root.count + 1)))
            } else {
                return nil
            }
        }
        // New or removed files, or any problem: the full build reports it.
        var copied: [OutputFile] = []
        let old = state.resolved.theme
        let (loaded, problems) = Theme.load(from: root, displayRoot: root, required: options.themeRequired)
        let site = state.resolved.site
        // Headings were given ids clear of the templates' own: new ones need pages compiled again.
        guard let theme = loaded, problems.isEmpty, theme.templateNames == old.templateNames,
            theme.assetURLs == old.assetURLs, theme.ids == old.ids, theme.problems(for: site.pages).isEmpty
        else { return nil }
        // Blocks in page text were rendered with the templates when the pages were compiled.
        let compiledWith = state.resolved.blocks.reduce(into: Set<String>()) { $0.formUnion($1.templates.flatMap(theme.uses)) }
        guard compiledWith.isDisjoint(with: templates) else { return nil }

        var renderer = Renderer(site: site, theme: theme)
        renderer.printed = state.renderer.printed
        // Printed pages may look different on paper too; a PDF whose facts change, its page's link does.
        let (pdfs, relinked) = try reprint(renderer.urls, in: &renderer)
        let everyPage = !theme.uses("layout").isDisjoint(with: templates)
        var urls = everyPage ? renderer.urls : renderer.urls.filter {
            !theme.uses(renderer.template(for: $0)).isDisjoint(with: templates) || relinked.contains($0)
        }
        copied += pdfs
        for asset in assets {
            guard let bytes = theme.assets.first(where: { $0.outputPath == asset })?.contents() else { return nil }
            copied.append(OutputFile(path: asset, contents: bytes))
        }
        let rendered = urls.count
        // The open pages (with the changed assets they show) first.
        if let first {
            let (ordered, open) = first.ordered(urls)
            if open > 0 {
                try OutputWriter(output: options.output).update(parallelMap(Array(ordered[..<open])) { [renderer] in renderer.render(url: $0) } + copied)
                first.written()
                urls = Array(ordered[open...])
                copied = []
            }
        }
        let files = parallelMap(urls) { [renderer] in renderer.render(url: $0) } + [renderer.notFound()] + renderer.siteFiles() + copied
        var next = state
        next.resolved.theme = theme
        return try finish(next, renderer: renderer, rendered: rendered, files: files)
    }

    /// The PDFs of the printed pages among `urls`, made again where their pages for paper
    /// changed (else found in the cache), and the pages whose links to them now say otherwise.
    private func reprint(_ urls: [String], in renderer: inout Renderer) throws -> (files: [OutputFile], relinked: Set<String>) {
        guard let printing = options.printing(baseURL: renderer.site.config.baseURL) else { return ([], []) }
        let documents = try printing.documents(urls.compactMap(renderer.printSource))
        var relinked: Set<String> = []
        for (url, document) in documents where renderer.printed[url]?.download.facts != document.download.facts {
            relinked.insert(url)
        }
        renderer.printed.merge(documents) { $1 }
        printing.prune(keeping: renderer.printed)
        return (documents.keys.sorted().map { documents[$0]!.file }, relinked)
    }

    /// What other pages, lists and menus show of a page: if this is unchanged, an edit
    /// touched only the page's own text.
    private static func listed(_ page: Page) -> String {
        "\(page.url)\n\(page.title)\n\(page.summary)\n\(page.details)\n\(page.draft)\n\(String(describing: page.publish))\n"
            + "\(String(describing: page.updated))\n\(page.topics)\n\(page.related.map(\.target))"
    }
}
