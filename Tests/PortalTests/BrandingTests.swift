import Foundation
import Testing

@testable import Portal

/// A board's identity from `branding:` in site.yaml: colours checked for contrast, a logo
/// stripped of what it should not carry, the footer's legal name and address.
@Suite struct BrandingTests {
    func scratch(branding: String, files: [String: String] = [:]) -> Scratch {
        Scratch(["site.yaml": Scratch.siteYAML + "branding:\n" + branding].merging(files) { $1 })
    }

    @Test func coloursLogoAndFooterComeFromTheSettings() throws {
        let site = scratch(branding: """
              header_colour: "#1d4f73"
              logo: images/logo.svg
              logo_alt: Test LSCB
              legal_name: Test Safeguarding Children Partnership
              address: 1 High Street, Testbury TE1 1ST

            """, files: ["images/logo.svg": #"<?xml version="1.0"?><!-- Made by Drawing 3.1, by A. Person --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><metadata><rdf:RDF>author</rdf:RDF></metadata><rect width="120" height="40"/></svg>"#])
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.warnings.contains { $0.message.contains("not used") }, "the logo is used")
        let css = try #require(result.files.first { $0.path == "branding.css" })
        #expect(String(decoding: css.contents, as: UTF8.self).contains("--brand: #1d4f73; --brand-text: #ffffff;"))
        let home = try #require(site.html("/", in: result))
        #expect(home.contains(#"<link rel="stylesheet" href="/branding.css">"#))
        #expect(home.contains(#"<img src="/images/logo.svg" alt="Test LSCB" class="header__logo" width="120" height="40">"#))
        #expect(home.contains("Test Safeguarding Children Partnership. Registered address: 1 High Street, Testbury TE1 1ST."))
        let logo = try #require(result.files.first { $0.path == "images/logo.svg" })
        let svg = String(decoding: logo.contents, as: UTF8.self)
        #expect(!svg.contains("A. Person") && !svg.contains("author") && svg.contains("<rect"))
    }

    @Test func aHeaderColourWithTooLittleContrastIsAnErrorWithOneThatPasses() throws {
        let site = scratch(branding: "  header_colour: \"#5694ca\"\n")
        defer { site.remove() }
        let problems = site.problems().filter(\.isError)
        #expect(located(problems) == [
            "site.yaml:24:18: the header's text (#ffffff) on its colour (#5694ca) has a contrast of 3.2:1; it must be at least 4.5:1, for people with low vision"
        ])
        let hint = try #require(problems.first?.hint)
        let suggested = try #require(hint.split(separator: "\"").dropFirst().first.flatMap { Colour(hex: String($0)) })
        #expect(suggested.contrast(with: Colour(hex: "#fff")!) >= 4.5)
        #expect(suggested.contrast(with: Colour(hex: "#fff")!) < 5, "the nearest that passes, not black")
    }

    @Test func anUnquotedColourIsExplained() {
        let site = scratch(branding: "  header_colour: #1d4f73\n")
        defer { site.remove() }
        let problems = site.problems().filter(\.isError)
        #expect(located(problems) == ["site.yaml:28:3: `header_colour` is empty"] || located(problems).first?.hasSuffix("`header_colour` is empty") == true)
        #expect(problems.first?.hint?.contains("quotes") == true)
    }

    @Test(arguments: [
        ("  logo: logo.svg\n", ["logo.svg": "<svg/>"], "the logo needs `logo_alt`"),
        ("  logo: logo.svg\n  logo_alt: Logo\n", [:], "the logo Content/logo.svg could not be read"),
        ("  logo: ../secret.svg\n  logo_alt: Logo\n", [:], "the logo must be an .svg or .png file in the content folder"),
        ("  logo: logo.gif\n  logo_alt: Logo\n", ["logo.gif": "GIF89a"], "the logo must be an .svg or .png file"),
        ("  logo: logo.svg\n  logo_alt: Logo\n", ["logo.svg": "<svg onload=\"alert(1)\"/>"], "this SVG contains an event attribute"),
        ("  logo: logo.svg\n  logo_alt: Logo\n", ["logo.svg": "<svg><script>alert(1)</script></svg>"], "this SVG contains a script"),
        ("  logo: logo.svg\n  logo_alt: Logo\n", ["logo.svg": "<svg><image href=\"https://tracker.example/x.png\"/></svg>"], "a reference to a file on another website"),
        ("  logo: logo.png\n  logo_alt: Logo\n", ["logo.png": "not a png"], "this is not a PNG image that can be read"),
        ("  header_colour: blue\n", [:], "`header_colour` must be a colour"),
        ("  colour: \"#000000\"\n", [:], "`colour` is not a field of `branding`"),
    ] as [(String, [String: String], String)])
    func mistakesAreLocatedErrors(branding: String, files: [String: String], expected: String) {
        let site = scratch(branding: branding, files: files)
        defer { site.remove() }
        let problems = located(site.problems())
        #expect(problems.count == 1 && problems.first?.contains(expected) == true, "\(problems)")
        #expect(problems.first?.hasPrefix("site.yaml:2") == true, "\(problems)")
    }

    /// A PNG keeps the chunks that draw it; text (where cameras and editors write names,
    /// places and GPS) and EXIF are left out.
    @Test func aPNGLogoLosesItsMetadata() throws {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        let header = chunk("IHDR", [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0])
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + header
            + chunk("tEXt", Array("Author\u{0}A. Person".utf8)) + chunk("eXIf", Array("GPS 51.5N".utf8))
            + chunk("IDAT", [1, 2, 3]) + chunk("IEND", [])
        let checked = try ImageFile.png(png).get()
        #expect(checked.width == 3 && checked.height == 2)
        #expect(checked.bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + header + chunk("IDAT", [1, 2, 3]) + chunk("IEND", []))
        #expect((try? ImageFile.png(Array(png.prefix(30))).get()) == nil, "a cut-off PNG is refused")
    }

    @Test func contrastIsWCAGs() {
        #expect(Colour.ratio(Colour(hex: "#000")!.contrast(with: Colour(hex: "#fff")!)) == "21.0:1")
        #expect(Colour.ratio(Colour(hex: "#12436d")!.contrast(with: Colour(hex: "#ffffff")!)) == "10.2:1")
        #expect(Colour.ratio(Colour(hex: "#767676")!.contrast(with: Colour(hex: "#ffffff")!)) == "4.5:1")
        #expect(Colour(hex: "#12G") == nil && Colour(hex: "123456") == nil)
    }
}
