/// A theme's templates by name, ready to render. Partials included with indentation (a
/// standalone `{{> name}}` after blanks) are kept as their own indented copy, so every
/// line they write is indented, as the Mustache specification says.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    private var indented: [PartialKey: Template] = [:]

    private struct PartialKey: Hashable, Sendable {
        var name: String
        var indentation: String
    }

    /// Templates already parsed, with their source text for indented copies. A copy's own
    /// standalone partials are indented by both indentations, so they get copies too, as
    /// deep as rendering follows partials.
    init(templates: [String: (template: Template, text: String)]) {
        self.templates = templates.mapValues(\.template)
        func indentedIncludes(of template: Template, depth: Int) -> [(PartialKey, Int)] {
            template.includes.filter { !$0.indentation.isEmpty }.map { (PartialKey(name: $0.name, indentation: $0.indentation), depth) }
        }
        var pending = templates.values.flatMap { indentedIncludes(of: $0.template, depth: 1) }
        while let (key, depth) = pending.popLast() {
            guard indented[key] == nil, depth <= RenderContext.maximumDepth, let text = templates[key.name]?.text else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let shifted = lines.enumerated().map { index, line in
                index == lines.count - 1 && line.isEmpty ? "" : key.indentation + line
            }.joined(separator: "\n")
            let copy = TemplateParser.parse(shifted).template
            indented[key] = copy
            pending += indentedIncludes(of: copy, depth: depth + 1)
        }
    }

    var names: Set<String> { Set(templates.keys) }

    /// `value` through the template `name`, looking up names it lacks in `outer`; empty if
    /// there is no such template.
    public func render(_ value: TemplateValue, template name: String, within outer: TemplateValue? = nil) -> String {
        String(decoding: renderBytes(value, template: name, within: outer), as: UTF8.self)
    }

    /// `render`, as UTF-8 bytes: what is written to a file, with no copy into text first.
    public func renderBytes(_ value: TemplateValue, template name: String, within outer: TemplateValue? = nil) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var context = RenderContext(stack: (outer.map { [$0] } ?? []) + [value], library: self)
        context.render(template.nodes, into: &output)
        return output
    }

    func partial(_ name: String, indentation: String) -> Template? {
        indentation.isEmpty ? templates[name] : indented[PartialKey(name: name, indentation: indentation)]
    }
}

/// The values in scope while rendering: the innermost last, where names are looked up
/// first, and the position in the list being shown.
private struct RenderContext {
    var stack: [TemplateValue]
    let library: TemplateLibrary
    var item: (index: Int, count: Int)?
    var depth = 0

    /// Partials deeper than this are not followed: the theme check reports cycles, and this
    /// stops one that slips through from exhausting the stack.
    static let maximumDepth = 64

    mutating func render(_ nodes: [TemplateNode], into output: inout [UInt8]) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text):
                output += text
            case .value(let path, let escaped):
                guard let value = lookup(path) else { continue }
                switch value {
                case .text(let text): escaped ? output.appendEscapingMarkup(text, apostrophes: true) : output.append(utf8: text)
                case .flag(let flag): output.append(utf8: flag ? "true" : "false")
                case .list, .object: break
                }
            case .section(let path, let inverted, let body):
                let value = lookup(path)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body, into: &output) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                switch value {
                case .flag:
                    render(body, into: &output)
                case .list(let items):
                    let outer = item
                    for (index, element) in items.enumerated() {
                        item = (index, items.count)
                        stack.append(element)
                        render(body, into: &output)
                        stack.removeLast()
                    }
                    item = outer
                case .text, .object:
                    stack.append(value)
                    render(body, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard depth < Self.maximumDepth, let template = library.partial(name, indentation: indentation) else { continue }
                depth += 1
                render(template.nodes, into: &output)
                depth -= 1
            }
        }
    }

    /// The value a tag names: the first part found looking outwards through the stack, the
    /// other parts inside it; then its functions.
    func lookup(_ path: TemplatePath) -> TemplateValue? {
        var value: TemplateValue?
        if path.aboutItem {
            return item.map { apply(path.functions, toItem: $0) }
        } else if let first = path.names.first {
            var index = stack.endIndex
            while index > stack.startIndex, value == nil {
                index -= 1
                value = stack[index].field(first)
            }
            for name in path.names.dropFirst() { value = value?.field(name) }
        } else {
            value = stack.last
        }
        for function in path.functions {
            guard let current = value else { return nil }
            value = apply(function, to: current)
        }
        return value
    }

    func apply(_ functions: [TemplateFunction], toItem item: (index: Int, count: Int)) -> TemplateValue {
        switch functions.first {
        case .first: .flag(item.index == 0)
        case .last: .flag(item.index == item.count - 1)
        case .even: .flag(item.index % 2 == 0)
        case .odd: .flag(item.index % 2 == 1)
        default: .text(String(item.index))
        }
    }

    func apply(_ function: TemplateFunction, to value: TemplateValue) -> TemplateValue? {
        switch (function, value) {
        case (.empty, .list(let items)): .flag(items.isEmpty)
        case (.empty, .text(let text)): .flag(text.isEmpty)
        case (.count, .list(let items)): .text(String(items.count))
        case (.count, .text(let text)): .text(String(text.count))
        case (.first, .list(let items)): items.first
        case (.last, .list(let items)): items.last
        case (.reversed, .list(let items)): .list(items.reversed())
        case (.uppercased, .text(let text)): .text(text.uppercased())
        case (.lowercased, .text(let text)): .text(text.lowercased())
        case (.capitalized, .text(let text)): .text(text.prefix(1).uppercased() + text.dropFirst())
        default: nil
        }
    }
}
