import Foundation

/// The look of the site, kept out of Swift so a designer can change it: Mustache
/// templates in `templates/` and static files in `assets/`, built into portal and
/// overridden file by file by a project's own theme folder.
public struct Theme: Sendable {
    /// Templates every theme must have.
    public static let requiredTemplates = ["layout", "page", "section", "home"]

    public var library: TemplateLibrary
    public var templateNames: Set<String>
    /// The partials each template includes (`{{> name}}`), to know what every page shows.
    public var partials: [String: Set<String>] = [:]
    /// Where each template file is, for problems that concern the theme.
    public var templatePaths: [String: String] = [:]
    /// Every `id` the templates write as it is (`id="contents"`): a heading in Markdown
    /// must not take one, or a page would have two elements with one id.
    public var ids: Set<String> = []
    /// The files published as they are, from `assets/`.
    public var assets: [ThemeAsset]

    public var assetURLs: Set<String> { Set(assets.map { "/" + $0.outputPath }) }

    /// The theme portal carries: the repository's Theme/, built in.
    public static var builtIn: [EmbeddedFile] { EmbeddedFolders.theme }

    /// Loads and parses every template, reporting each broken one at its line and column:
    /// the built-in theme, with the files of the theme folder at `root` in place of its own
    /// (see `ThemeFiles`). `required`: the folder was named, so it must exist.
    public static func load(
        from root: String, displayRoot: String, required: Bool = false, builtIn: [EmbeddedFile] = Theme.builtIn
    ) -> (Theme?, [Diagnostic]) {
        let sources = ThemeFiles(folder: root, displayRoot: displayRoot, required: required, builtIn: builtIn)
        var diagnostics = sources.problems
        var templates: [String: (template: Template, text: String)] = [:]
        var files: [String: SourceFile] = [:]
        for source in sources.files(under: "templates/") where source.relativePath.hasSuffix(".mustache") {
            let file: SourceFile
            switch sources.read(source) {
            case .success(let read): file = read
            case .failure(let problem):
                diagnostics.append(problem)
                continue
            }
            let name = String(source.relativePath.dropFirst("templates/".count).dropLast(".mustache".count))
            files[name] = file
            let (template, problems) = TemplateParser.parse(file.text)
            templates[name] = (template, file.text)
            diagnostics += problems.map {
                file.error(line: $0.line, column: $0.column, "this template could not be read: \($0.message)", hint: $0.hint)
            }
        }
        for name in requiredTemplates where files[name] == nil {
            diagnostics.append(Diagnostic(
                .error, at: SourceLocation(path: "\(displayRoot)/templates/\(name).mustache"),
                "the theme has no `\(name)` template",
                hint: "Every theme needs \(requiredTemplates.map { "\($0).mustache" }.joined(separator: ", ")) in its templates folder."))
        }
        diagnostics += includeProblems(templates.mapValues(\.template.includes), files: files)
        var assets: [ThemeAsset] = []
        for source in sources.files(under: "assets/") {
            guard let diskPath = source.diskPath else {
                assets.append(ThemeAsset(outputPath: source.relativePath, origin: .builtIn(source.builtIn)))
                continue
            }
            // The same limit as content: a video or an export saved here would be published.
            var info = stat()
            if stat(diskPath, &info) == 0, Int(info.st_size) > SourceTree.sizeLimit {
                diagnostics.append(Diagnostic(
                    .error, at: SourceLocation(path: source.displayPath),
                    "this file is \(Int(info.st_size) / 1_000_000) MB; files here can be at most \(SourceTree.sizeLimit / 1_000_000) MB",
                    hint: "Make it smaller (compress the image, or link to the document elsewhere), or move it out of the theme's assets."))
                continue
            }
            assets.append(ThemeAsset(outputPath: source.relativePath, origin: .file(diskPath)))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var theme = Theme(library: TemplateLibrary(templates: templates), templateNames: Set(templates.keys), assets: assets)
        theme.partials = templates.mapValues { Set($0.template.includes.map(\.name)) }
        theme.templatePaths = files.mapValues(\.path)
        theme.ids = Set(templates.values.flatMap { literalIDs(in: $0.text) })
        return (theme, diagnostics)
    }

    /// The values of `id="…"` attributes written out in a template (not made by a tag).
    static func literalIDs(in text: String) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let found = rest.range(of: "id=\"") {
            let before = rest[..<found.lowerBound].last
            rest = rest[found.upperBound...]
            guard before == " " || before == "\n" || before == "\t", let end = rest.firstIndex(of: "\"") else { continue }
            let value = rest[..<end]
            if !value.isEmpty, !value.contains("{{") { ids.append(String(value)) }
        }
        return ids
    }

    /// A partial that no template defines would show nothing, and one that includes itself
    /// (directly or through others) would never end: both are reported where they are named.
    static func includeProblems(_ includes: [String: [PartialInclude]], files: [String: SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, included) in includes.sorted(by: { $0.key < $1.key }) {
            guard let file = files[name] else { continue }
            var reported: Set<String> = []
            for include in included where reported.insert(include.name).inserted {
                if files[include.name] == nil {
                    diagnostics.append(file.error(
                        line: include.line, column: include.column,
                        "this template includes “\(include.name)”, but the theme has no \(include.name).mustache",
                        hint: "Create templates/\(include.name).mustache, or correct the name after {{>."))
                } else if let cycle = cycle(from: include.name, back: name, in: includes) {
                    diagnostics.append(file.error(
                        line: include.line, column: include.column,
                        "this template includes itself (\(([name] + cycle).joined(separator: " → "))), which would never end",
                        hint: "Remove one of the {{> …}} tags on the way, so no template includes one that includes it."))
                }
            }
        }
        return diagnostics
    }

    /// The chain of includes from `start` that leads back to `target`, if there is one.
    private static func cycle(from start: String, back target: String, in includes: [String: [PartialInclude]]) -> [String]? {
        var seen: Set<String> = []
        func search(_ name: String) -> [String]? {
            if name == target { return [name] }
            guard seen.insert(name).inserted, let included = includes[name] else { return nil }
            for include in included {
                if let rest = search(include.name) { return [name] + rest }
            }
            return nil
        }
        return search(start)
    }

    /// Whether `partial` is part of every page: included by the layout, directly or not.
    public func layoutIncludes(_ partial: String) -> Bool {
        templateNames.contains(partial) && uses("layout").contains(partial)
    }

    /// `template` and every partial it includes, directly or not.
    public func uses(_ template: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [template]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += partials[next, default: []]
        }
        return seen
    }

    /// Pages marked sensitive need the quick exit: a theme whose layout lacks it must not
    /// publish them, since a reader at risk would have no way out.
    public func problems(for pages: [ResolvedPage]) -> [Diagnostic] {
        guard !layoutIncludes("quick-exit") else { return [] }
        return pages.filter(\.page.isSensitive).map {
            $0.page.error(
                at: "sensitive", "this page is marked sensitive, but the theme has no quick exit",
                hint: "The theme's layout (\(templatePaths["layout"] ?? "templates/layout.mustache")) must include {{> quick-exit}}, and the theme needs templates/quick-exit.mustache.")
        }
    }

    /// A view model through a template: the view becomes plain values once, then the
    /// template reads those. Names the view lacks are looked up in `outer` (values shared
    /// by many pages, made once).
    public func render(_ view: some TemplateView, template: String, within outer: TemplateValue? = nil) -> String {
        library.render(view.templateValue, template: template, within: outer)
    }

    /// `render`, as the UTF-8 bytes of a file.
    func renderBytes(_ view: some TemplateView, template: String, within outer: TemplateValue? = nil) -> [UInt8] {
        library.renderBytes(view.templateValue, template: template, within: outer)
    }

    /// The template for a page of `kind`: its own if the theme has one, else `page`.
    func template(for kind: PageKind) -> String {
        templateNames.contains(kind.rawValue) ? kind.rawValue : "page"
    }
}
