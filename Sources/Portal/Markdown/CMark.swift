import CCmark
import Foundation

/// The one place that talks to cmark: a parsed document that owns its C tree, a way to
/// walk it, the few edits the compiler makes, and HTML rendering in safe mode.
final class CMarkDocument {
    private let root: OpaquePointer

    /// Parses Markdown with source positions and smart punctuation. cmark's default is
    /// safe: raw HTML is dropped and `javascript:` style links are emptied.
    init(markdown: String) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART)
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// Visits every node in document order; `entering` is false on the way out of a container.
    func walk(_ visit: (CMarkNode, _ entering: Bool) -> Void) {
        CMarkNode(pointer: root).walk(visit)
    }

    /// Renders HTML in safe mode (never `CMARK_OPT_UNSAFE`).
    func html() -> String {
        guard let buffer = cmark_render_html(root, CMARK_OPT_SMART) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}

/// A borrowed view of a node inside a `CMarkDocument`; valid while the document lives.
struct CMarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var next: CMarkNode? { cmark_node_next(pointer).map(CMarkNode.init) }
    var firstChild: CMarkNode? { cmark_node_first_child(pointer).map(CMarkNode.init) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }
    var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
    var listType: cmark_list_type { cmark_node_get_list_type(pointer) }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
    /// Whether a walk leaves this node again: cmark's iterator gives leaves no exit.
    var isContainer: Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
            CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            false
        default: true
        }
    }

    /// Visits this node and every node inside it in document order, with cmark's iterator,
    /// never by recursion (a heading inside a hundred thousand levels of emphasis would
    /// overflow the stack); `entering` is false on the way out of a container.
    func walk(_ visit: (CMarkNode, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CMarkNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }

    /// The plain text of a node's inline content, e.g. a heading's words without markup.
    var plainText: String {
        var text = ""
        walk { node, entering in
            guard entering else { return }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    func setURL(_ url: String) { cmark_node_set_url(pointer, url) }
    var title: String? { cmark_node_get_title(pointer).map { String(cString: $0) } }

    /// Replaces this node by generated HTML.
    func replace(withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(pointer, block)
        cmark_node_free(pointer)
    }

    /// Puts custom HTML around parts of a run of inline siblings (text and line breaks, read
    /// as one text, a break one character): how glossary terms get their links. `parts` are
    /// in order and apart, each starting and ending inside text. The run's text nodes are
    /// made again, piece by piece, in one pass: splitting one node at a time copied the rest
    /// of its text for every part, quadratic in a long paragraph full of terms.
    static func wrap(_ parts: [(range: Range<Int>, open: String)], in run: [CMarkNode], close: String) {
        var next = 0
        var offset = 0
        var wrapper: OpaquePointer?
        for node in run {
            guard node.type == CMARK_NODE_TEXT else {
                if let wrapper { cmark_node_append_child(wrapper, node.pointer) }
                offset += 1
                continue
            }
            let scalars = Array((node.literal ?? "").unicodeScalars)
            let end = offset + scalars.count
            if wrapper == nil, next == parts.count || parts[next].range.lowerBound >= end {
                offset = end
                continue  // no part in it: it stays as it is
            }
            var position = offset
            while position < end {
                if let open = wrapper {
                    let stop = min(parts[next].range.upperBound, end)
                    cmark_node_append_child(open, newText(scalars[(position - offset)..<(stop - offset)]))
                    position = stop
                    if stop == parts[next].range.upperBound {
                        wrapper = nil
                        next += 1
                    }
                } else if next < parts.count, parts[next].range.lowerBound < end {
                    let start = parts[next].range.lowerBound
                    if start > position { cmark_node_insert_before(node.pointer, newText(scalars[(position - offset)..<(start - offset)])) }
                    guard let made = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
                    cmark_node_set_on_enter(made, parts[next].open)
                    cmark_node_set_on_exit(made, close)
                    cmark_node_insert_before(node.pointer, made)
                    wrapper = made
                    position = start
                } else {
                    cmark_node_insert_before(node.pointer, newText(scalars[(position - offset)...]))
                    position = end
                }
            }
            cmark_node_unlink(node.pointer)
            cmark_node_free(node.pointer)
            offset = end
        }
    }

    private static func newText(_ scalars: ArraySlice<Unicode.Scalar>) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_TEXT)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        cmark_node_set_literal(node, String(text))
        return node
    }

    /// Replaces this node by custom HTML around its children, keeping them: how a heading
    /// gets its `id` (a custom block) and an outside link `rel="noopener"` (a custom inline),
    /// which cmark's own renderer does not write.
    func wrapChildren(open: String, close: String) {
        let custom = type == CMARK_NODE_HEADING ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE
        guard let wrapper = cmark_node_new(custom) else { return }
        cmark_node_set_on_enter(wrapper, open)
        cmark_node_set_on_exit(wrapper, close)
        while let child = cmark_node_first_child(pointer) {
            cmark_node_append_child(wrapper, child)
        }
        cmark_node_replace(pointer, wrapper)
        cmark_node_free(pointer)
    }
}
