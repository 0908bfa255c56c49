/// Each newsletter as an email bulletin: one self-contained HTML file (inline styles, no
/// stylesheet, every link absolute) to paste into an email tool, and a plain-text version.
struct NewsletterEmail {
    let site: Site
    let theme: Theme

    static func htmlPath(_ url: String) -> String { String(url.dropFirst()) + "email.html" }
    static func textPath(_ url: String) -> String { String(url.dropFirst()) + "email.txt" }

    struct View: TemplateView {
        var title: String
        var boardName: String
        var issueLine: String
        var summary: String
        var content: String
        var webURL: String
        var contacts: [ContactView]
        var year: String
    }

    func files() -> [OutputFile] {
        site.pages.compactMap { resolved -> [OutputFile]? in
            guard case .newsletter(let issue, let date) = resolved.page.details else { return nil }
            let base = site.config.baseURL
            let view = View(
                title: resolved.page.title, boardName: site.config.name,
                issueLine: "Issue \(issue) · \(date.long)", summary: resolved.page.summary,
                content: Self.inlineStyles(SiteFiles.absolute(resolved.body.html, base: base)),
                webURL: base + resolved.page.url,
                contacts: site.config.contacts.map { ContactView(label: $0.label, phone: $0.shownPhone, tel: $0.telURL) },
                year: String(date.year))
            let html = theme.render(view, template: "newsletter-email")
            var text = "\(site.config.name)\n\(resolved.page.title)\nIssue \(issue), \(date.long)\n\n"
            text += resolved.body.plainText ?? ""
            text += "\nRead this newsletter on the web: \(base)\(resolved.page.url)\n"
            text += "\nWorried about a child?\n" + site.config.contacts.map { "- \($0.label): \($0.shownPhone)" }.joined(separator: "\n") + "\n"
            return [
                OutputFile(path: Self.htmlPath(resolved.page.url), text: html),
                OutputFile(path: Self.textPath(resolved.page.url), text: text),
            ]
        }.flatMap { $0 }
    }

    /// Email programs ignore stylesheets: every element the Markdown makes gets its style inline.
    static func inlineStyles(_ html: String) -> String {
        let font = "font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;"
        let styles: [(String, String)] = [
            ("<h2 ", "<h2 style=\"\(font)font-size:22px;line-height:1.3;margin:28px 0 10px;\" "),
            ("<h3 ", "<h3 style=\"\(font)font-size:18px;line-height:1.3;margin:22px 0 8px;\" "),
            ("<p>", "<p style=\"\(font)font-size:16px;line-height:1.5;margin:0 0 14px;\">"),
            ("<ul>", "<ul style=\"\(font)font-size:16px;line-height:1.5;margin:0 0 14px;padding-left:22px;\">"),
            ("<ol>", "<ol style=\"\(font)font-size:16px;line-height:1.5;margin:0 0 14px;padding-left:22px;\">"),
            ("<li>", "<li style=\"margin:0 0 6px;\">"),
            ("<blockquote>", "<blockquote style=\"margin:0 0 14px;padding:10px 14px;border-left:6px solid #b1b4b6;\">"),
            ("<a href=", "<a style=\"color:#1d70b8;text-decoration:underline;\" href="),
            ("<table", "<table style=\"border-collapse:collapse;width:100%;font-size:14px;\""),
            ("<th ", "<th style=\"text-align:left;padding:6px 10px 6px 0;border-bottom:1px solid #b1b4b6;\" "),
            ("<td ", "<td style=\"padding:6px 10px 6px 0;border-bottom:1px solid #b1b4b6;\" "),
        ]
        return styles.reduce(html) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

import Foundation
