import Foundation
import Mustache

/// The look of the site, kept out of Swift so a designer can change it: Mustache
/// templates in `templates/` and static files in `assets/`.
public struct Theme: Sendable {
    /// Templates every theme must have.
    public static let requiredTemplates = ["layout", "page", "section", "home"]

    public var library: MustacheLibrary
    public var templateNames: Set<String>
    /// The partials each template includes (`{{> name}}`), to know what every page shows.
    public var partials: [String: Set<String>] = [:]
    /// Where each template file is, for problems that concern the theme.
    public var templatePaths: [String: String] = [:]
    /// Asset files: output path (e.g. `assets/site.css`) → source file on disk.
    public var assets: [(outputPath: String, sourcePath: String)]

    public var assetURLs: Set<String> { Set(assets.map { "/" + $0.outputPath }) }

    /// Loads and parses every template, reporting each broken one at its line and column.
    public static func load(from root: String, displayRoot: String) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var partials: [String: Set<String>] = [:]
        var paths: [String: String] = [:]
        let templateRoot = "\(root)/templates"
        for relative in SourceTree.list(templateRoot) where relative.hasSuffix(".mustache") {
            let file: SourceFile
            switch SourceTree.read(root: templateRoot, relativePath: relative, displayRoot: "\(displayRoot)/templates") {
            case .success(let read): file = read
            case .failure(let problem):
                diagnostics.append(problem)
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            partials[name] = includedPartials(file.text)
            paths[name] = file.path
            do {
                templates[name] = try MustacheTemplate(string: file.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(file.error(
                    line: error.context.lineNumber, column: error.context.columnNumber + 1,
                    "this template could not be read: \(describe(error.error))",
                    hint: "Check that every {{#section}} has a matching {{/section}} and every tag is closed with }}."))
            } catch {
                diagnostics.append(file.error(line: 1, column: 1, "this template could not be read: \(error)", hint: "Check that every tag is closed with }} and every {{#section}} with {{/section}}."))
            }
        }
        for name in requiredTemplates where templates[name] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(Diagnostic(
                .error, at: SourceLocation(path: "\(displayRoot)/templates/\(name).mustache"),
                "the theme has no `\(name)` template",
                hint: "Every theme needs \(requiredTemplates.map { "\($0).mustache" }.joined(separator: ", ")) in its templates folder."))
        }
        let assetRoot = "\(root)/assets"
        var assets: [(outputPath: String, sourcePath: String)] = []
        for relative in SourceTree.list(assetRoot) {
            guard SourceTree.isInside(root: assetRoot, relativePath: relative) else {
                diagnostics.append(Diagnostic(
                    .error, at: SourceLocation(path: "\(displayRoot)/assets/\(relative)"),
                    "this is a link to a file outside the theme's assets folder",
                    hint: "Copy the file into the folder instead of linking to it: only what is inside is published."))
                continue
            }
            assets.append((outputPath: "assets/\(relative)", sourcePath: "\(assetRoot)/\(relative)"))
        }
        // A partial that no template defines would render as nothing: say where it is named.
        for (name, included) in partials.sorted(by: { $0.key < $1.key }) {
            for missing in included.sorted() where templates[missing] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(missing).mustache") }) {
                let file = paths[name].flatMap { path in
                    try? SourceTree.read(root: templateRoot, relativePath: name + ".mustache", displayRoot: "\(displayRoot)/templates").get()
                }
                let line = file?.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("{{> \(missing)}}") || $0.contains("{{>\(missing)}}") }.map { $0 + 1 } ?? 1
                diagnostics.append(Diagnostic(
                    .error, at: SourceLocation(path: paths[name] ?? "\(displayRoot)/templates/\(name).mustache", line: line, column: 1),
                    "this template includes “\(missing)”, but the theme has no \(missing).mustache",
                    hint: "Create templates/\(missing).mustache, or correct the name after {{>.", sourceLine: file?.line(line)))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var theme = Theme(
            library: MustacheLibrary(templates: templates), templateNames: Set(templates.keys), assets: assets)
        theme.partials = partials
        theme.templatePaths = paths
        return (theme, diagnostics)
    }

    /// `{{> name}}` tags in a template's text.
    static func includedPartials(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            found.insert(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// Whether `partial` is part of every page: included by the layout, directly or not.
    public func layoutIncludes(_ partial: String) -> Bool {
        var seen: Set<String> = []
        var queue = ["layout"]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            if next == partial { return templateNames.contains(partial) }
            queue += partials[next, default: []]
        }
        return false
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

    private static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "a section is closed with a different name than it was opened with"
        case "unfinishedName": "a tag is not closed with }}"
        case "expectedSectionEnd": "a section is opened but never closed"
        case let other: other
        }
    }

    /// A view model through a template. The view is read once into dictionaries
    /// (TemplateValues) rather than reflected at every lookup.
    public func render(_ view: Any, template: String) -> String {
        library.render(TemplateValues.convert(view) ?? [String: Any](), withTemplate: template) ?? ""
    }

    /// The template for a page of `kind`: its own if the theme has one, else `page`.
    func template(for kind: PageKind) -> String {
        templateNames.contains(kind.rawValue) ? kind.rawValue : "page"
    }
}
