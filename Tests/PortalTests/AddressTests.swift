import Foundation
import Testing

@testable import Portal

/// Every address, from Markdown, front matter, data or settings, goes through one check
/// (`AddressCheck`); links to other websites get `rel="noopener"` and cmark's escaping.
@Suite struct AddressTests {
    @Test func oneCheckForEveryAddress() throws {
        let refused = [
            "java\tscript:alert(1)", "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "javascript\t:alert(1)",
            "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd",
            "//evil.example", "///evil.example", "/\\/evil.example", "\\\\evil.example", "\\/evil.example",
            "https://", "https:evil.example", "http:/evil.example", "https://exa mple.org", "https://example.org/\u{A0}x",
            "/a\u{200B}b/", "https://example.org/\u{7F}",
        ]
        for address in refused {
            #expect((try? AddressCheck.check(address).get()) == nil, "\(address.debugDescription)")
        }
        let outside = ["https://example.org", "HTTPS://Example.org/a", "http://example.org/a?b#c", "mailto:a@example.org", "tel:01632960000"]
        for address in outside {
            #expect(try AddressCheck.check(address).get() != .onSite, "\(address)")
        }
        for address in ["/", "/a/b/", "a/b/", "#part", "../a/", "/a/b/#c", "?q=1"] {
            #expect(try AddressCheck.check(address).get() == .onSite, "\(address)")
        }
    }

    @Test func bookingAddressesAreCheckedLikeLinks() {
        let booking = "booking: mailto:lscb-training@example.org?subject=Core%203%20December"
        for (written, message) in [
            (#"booking: "java\tscript:alert(1)""#, "`booking`: this address has a tab in it"),
            (#"booking: "java\nscript:alert(1)""#, "`booking`: this address has a line break in it"),
            (#"booking: "\u0001javascript:alert(1)""#, "`booking`: this address has an invisible character (U+1) in it"),
            (#"booking: "javascript\t:alert(1)""#, "`booking`: this address has a tab in it"),
            ("booking: javascript:alert(1)", "`booking`: links starting `javascript:` are not allowed"),
            ("booking: //evil.example", "`booking`: “//evil.example” leaves out the start of the address, so it could lead to any website"),
            ("booking: /not-a-page/", "“/not-a-page/” leads to /not-a-page/, which is not a page of this site"),
        ] {
            let scratch = Scratch(TrainingData.files(replacing: "sessions.yaml", with: TrainingData.sessions.replacingOccurrences(of: booking, with: written)))
            defer { scratch.remove() }
            let problems = scratch.problems()
            #expect(located(problems) == ["data/sessions.yaml:13:12: \(message)"], "\(written)")
        }
    }

    @Test func addressesStartingWithTwoSlashesAreRefusedEverywhere() {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML
                .replacingOccurrences(of: "url: /accessibility/", with: "url: //evil.example/")
                .replacingOccurrences(of: "quick_exit_help: /worried-about-a-child/", with: "quick_exit_help: /\\/evil.example"),
            "page.md": page(title: "Page", extra: "related: [//evil.example]", body: "[a](//evil.example) [b](///evil.example)"),
        ])
        defer { scratch.remove() }
        let problems = located(scratch.problems())
        #expect(problems == [
            "page.md:4:11: “//evil.example” leaves out the start of the address, so it could lead to any website",
            "page.md:6:1: “//evil.example” leaves out the start of the address, so it could lead to any website",
            "page.md:6:21: “///evil.example” leaves out the start of the address, so it could lead to any website",
            "site.yaml:19:18: “/\\/evil.example” leaves out the start of the address, so it could lead to any website",
            "site.yaml:22:10: “//evil.example/” leaves out the start of the address, so it could lead to any website",
        ])
    }

    @Test func theSitesOwnAddressAndTheQuickExitMustBePlainHTTPS() {
        for (base, message) in [
            (#"base_url: "https://lscb.example.org\"><script>alert(1)</script>""#, "`base_url`: “https://lscb.example.org\"><script>alert(1)</script>” has the character \" in it, which an address cannot hold"),
            ("base_url: http://lscb.example.org", "`base_url`: “http://lscb.example.org” must be the full address of a website, starting https://"),
            ("base_url: https://lscb.example.org/a b", "`base_url`: this address has a space in it"),
            ("base_url: https://", "`base_url`: “https://” has no website name after https://"),
            ("base_url: https://lscb.example.org/?a", "`base_url` must be the site's address alone, like https://lscb.example.org, not “https://lscb.example.org/?a”"),
        ] {
            let scratch = Scratch(["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "base_url: https://lscb.example.org", with: base)])
            defer { scratch.remove() }
            #expect(located(scratch.problems()) == ["site.yaml:3:11: \(message)"])
        }
        for local in ["http://127.0.0.1:8000/exit.html", "http://localhost/", "https://www.bbc.co.uk/weather"] {
            #expect(AddressCheck.checkWebsite(local) == nil, "\(local)")
        }
        for far in [
            "http://localhost.evil.example/", "http://127.0.0.1.evil.example/", "http://www.bbc.co.uk/weather",
            "http://localhost:1@evil.example/", "http://127.0.0.1:x@evil.example", "http://localhost:@evil.example",
        ] {
            #expect(AddressCheck.checkWebsite(far) != nil, "\(far)")
        }
        let quickExit = Scratch(["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "quick_exit: https://www.bbc.co.uk/weather", with: "quick_exit: http://www.bbc.co.uk/weather")])
        defer { quickExit.remove() }
        #expect(located(quickExit.problems()) == ["site.yaml:18:13: `quick_exit` must be the full address of another website, starting https://, not “http://www.bbc.co.uk/weather”"])
    }

    @Test func linksToOtherWebsitesGetNoopenerFromEverySource() throws {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML.replacingOccurrences(of: "url: /accessibility/", with: "url: HTTPS://www.gov.uk/")
                .replacingOccurrences(of: "contacts_page: /worried-about-a-child/", with: "contacts_page: https://www.gov.uk/report-child-abuse"),
            "page.md": page(title: "Page", extra: "related: [https://www.nspcc.org.uk/]", body: "[a](HTTPS://Example.org/) [b](Http://example.org/) [c](/accessibility/)"),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = try #require(scratch.html("/page/", in: result))
        #expect(html.contains(#"<a href="HTTPS://Example.org/" rel="noopener">a</a>"#))
        #expect(html.contains(#"<a href="Http://example.org/" rel="noopener">b</a>"#))
        #expect(html.contains(#"<a href="/accessibility/">c</a>"#))
        #expect(html.contains(#"<li><a href="https://www.nspcc.org.uk/" rel="noopener">https://www.nspcc.org.uk/</a></li>"#))
        #expect(html.contains(#"<li><a href="HTTPS://www.gov.uk/" rel="noopener">Accessibility</a></li>"#))
        #expect(html.contains(#"<a href="https://www.gov.uk/report-child-abuse" rel="noopener">More about what to do"#))
        let missing = String(decoding: try #require(result.files.first { $0.path == "404.html" }).contents, as: UTF8.self)
        #expect(missing.contains(#"<a href="https://www.gov.uk/report-child-abuse" rel="noopener">what to do"#))
    }

    /// Links portal writes itself (to other websites) escape their address as cmark does the
    /// links it writes: the same input gives the same `href` either way.
    @Test func outsideAddressesAreEscapedAsCmarkEscapesItsOwn() {
        let odd = #"a\b|{}^`[]"'&é%20~"#
        func href(_ destination: String) -> String? {
            let html = MarkdownCompiler.compile("[x](<\(destination)>)", in: sourceFile(""), firstLine: 1).html
            guard let start = html.range(of: "href=\""), let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(html[start.upperBound..<end])
        }
        // cmark writes links on this site; portal writes those to other websites.
        let cmarks = href("/p/" + odd)
        #expect(cmarks == "/p/a%5Cb%7C%7B%7D%5E%60%5B%5D%22&#x27;&amp;%C3%A9%20~")
        #expect(href("https://example.org/p/" + odd) == "https://example.org" + (cmarks ?? ""))
        #expect(("/p/" + odd).escapedForHref == cmarks)
    }
}
