import CCmark

/// The glossary at work on one page's text: the first use of each term links to its entry
/// on `/glossary/` (never inside a heading, a link, an image's description, code or a
/// table written with `|`), and, on pages for the public, an abbreviation used before its
/// full form is written out is a warning at its line and column.
public struct GlossaryLinks: Sendable {
    let glossary: Glossary
    /// Whether to warn about abbreviations not yet written out (pages for the public).
    let checkAbbreviations: Bool

    public init(glossary: Glossary, checkAbbreviations: Bool) {
        self.glossary = glossary
        self.checkAbbreviations = checkAbbreviations
    }

    /// Text split into runs of sibling inline nodes (text and line breaks), each read as one
    /// piece so a term may run over a line break.
    private struct Run {
        var nodes: [(node: CMarkNode, start: Int)] = []
        var text: [Unicode.Scalar] = []
        /// Whether a term here may be linked.
        var linkable: Bool
        /// The lines of the block it is in (lines of the Markdown, from 1).
        var lines: ClosedRange<Int>
    }

    /// Links and checks the document's text; returns the warnings. `firstLine` is the file
    /// line the Markdown starts on.
    func apply(to document: CMarkDocument, file: SourceFile, firstLine: Int) -> [Diagnostic] {
        guard !glossary.entries.isEmpty else { return [] }
        var linked: Set<Int> = []
        var explained: Set<Int> = []
        var warned: Set<Int> = []
        var problems: [Diagnostic] = []
        for run in runs(of: document) {
            var links: [(entry: Int, range: Range<Int>)] = []
            glossary.matcher.matches(in: run.text) { form, range in
                let entry = glossary.entries[form.entry]
                if form.kind == .fullForm { explained.insert(form.entry) }
                if checkAbbreviations, form.kind == .term, let full = entry.fullForm, !explained.contains(form.entry),
                   warned.insert(form.entry).inserted {
                    let lines = (run.lines.lowerBound + firstLine - 1)...(run.lines.upperBound + firstLine - 1)
                    // Found in the file for the problems a report shows; the rest at their block.
                    let found = problems.count < Diagnostic.shownPerFile ? SourceSearch.locate(form.text, in: file, lines: lines) : nil
                    let at = found ?? (lines.lowerBound, 1)
                    problems.append(file.warning(
                        line: at.line, column: at.column, "“\(form.text)” is used before it is written out in full on this page",
                        hint: "Write “\(full) (\(form.text))” the first time, for readers who do not know it; after that, “\(form.text)” alone is fine."))
                }
                if run.linkable, linked.insert(form.entry).inserted { links.append((form.entry, range)) }
            }
            if !links.isEmpty {
                CMarkNode.wrap(
                    links.map { ($0.range, "<a href=\"\(Glossary.url(of: glossary.entries[$0.entry]))\">") },
                    in: run.nodes.map(\.node), close: "</a>")
            }
        }
        return problems
    }

    /// Every run of text in the document, in order, with what it is inside.
    private func runs(of document: CMarkDocument) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        var unlinkable = 0
        var table = false
        var blocks: [ClosedRange<Int>] = [1...1]
        document.walk { node, entering in
            let type = node.type
            switch type {
            case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                unlinkable += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH:
                // A table written with | is a table, not text (as for reading figures).
                table = entering && (node.firstChild?.literal?.hasPrefix("|") ?? false)
            case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                let literal = type == CMARK_NODE_TEXT ? Array((node.literal ?? "").unicodeScalars) : ["\n"]
                if current == nil || current!.nodes.last!.node.next?.pointer != node.pointer {
                    if let run = current { runs.append(run) }
                    current = Run(linkable: unlinkable == 0 && !table, lines: blocks[blocks.count - 1])
                }
                current!.nodes.append((node, current!.text.count))
                current!.text += literal
                return
            default: break
            }
            if node.isContainer, node.startLine > 0 {
                if entering { blocks.append(node.startLine...max(node.startLine, node.endLine)) } else { blocks.removeLast() }
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }
}
