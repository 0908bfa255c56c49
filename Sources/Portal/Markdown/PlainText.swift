import CCmark

/// Markdown as plain text for an email bulletin: headings underlined, list items with
/// dashes, links followed by their full address in brackets.
enum PlainText {
    static func render(_ document: CMarkDocument, base: String) -> String {
        var out = ""
        var line = ""
        var listDepth = 0
        var ordered: [Int?] = []
        func flush(_ suffix: String = "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out += line.trimmingTrailingWhitespace() + suffix }
            line = ""
        }
        document.walk { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if entering { line += node.literal ?? "" }
            case CMARK_NODE_SOFTBREAK:
                line += " "
            case CMARK_NODE_LINEBREAK:
                flush()
            case CMARK_NODE_LINK:
                if !entering, let url = node.url, !url.isEmpty {
                    line += " (\(url.hasPrefix("/") ? base + url : url))"
                }
            case CMARK_NODE_CUSTOM_BLOCK:
                // Headings (given ids) underline their text; generated blocks point to the web.
                guard !entering else { break }
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty {
                    line = "[This part is in the web version.]"
                    flush("\n\n")
                } else {
                    line = text
                    flush("\n" + String(repeating: "-", count: text.count) + "\n\n")
                }
            case CMARK_NODE_PARAGRAPH:
                if !entering { flush(listDepth > 0 ? "\n" : "\n\n") }
            case CMARK_NODE_LIST:
                if entering {
                    listDepth += 1
                    ordered.append(node.listType == CMARK_ORDERED_LIST ? node.listStart : nil)
                } else {
                    listDepth -= 1
                    ordered.removeLast()
                    if listDepth == 0 { out += "\n" }
                }
            case CMARK_NODE_ITEM:
                if entering {
                    let indent = String(repeating: "  ", count: max(0, listDepth - 1))
                    if let number = ordered.last ?? nil {
                        line = "\(indent)\(number). "
                        ordered[ordered.count - 1] = number + 1
                    } else {
                        line = "\(indent)- "
                    }
                }
            case CMARK_NODE_THEMATIC_BREAK:
                if entering { out += "----\n\n" }
            case CMARK_NODE_CODE_BLOCK:
                if entering { out += (node.literal ?? "") + "\n" }
            default:
                break
            }
        }
        flush()
        return out.trimmingTrailingWhitespace() + "\n"
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

import Foundation
