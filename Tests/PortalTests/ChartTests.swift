import Foundation
import Testing

@testable import Portal

@Suite struct ChartTests {
    typealias Series = ChartLayout.Series

    static func series(_ name: String, _ values: [Double?]) -> Series {
        Series(name: name, values: values, texts: values.map { $0.map { ChartSVG.number($0) } ?? "" })
    }

    /// Every label inside the chart, none overlapping another, a bar or a swatch of the key;
    /// a figure on a plate lies wholly inside its own bar, and over no other.
    static func expectReadable(_ layout: ChartLayout, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let boxes = layout.labels.map(\.box)
        let drawn = (layout.bars + layout.swatches).filter { $0.box.width > 0 && $0.box.height > 0 }
        for (index, box) in boxes.enumerated() {
            let label = layout.labels[index]
            #expect(box.x >= -0.01 && box.x + box.width <= ChartLayout.width + 0.01, "“\(label.text)” leaves the chart", sourceLocation: sourceLocation)
            // Letters such as Y reach left of where their text starts (Chromium measured it).
            let start = label.plate ? box.x + ChartLayout.platePadding : box.x
            #expect(start >= ChartLayout.inset - 0.01, "“\(label.text)” starts at the chart's very edge", sourceLocation: sourceLocation)
            #expect(box.y >= -0.01 && box.y + box.height <= layout.height + 0.01, "“\(label.text)” leaves the chart", sourceLocation: sourceLocation)
            for other in index + 1..<boxes.count where box.overlaps(boxes[other]) {
                Issue.record("“\(label.text)” overlaps “\(layout.labels[other].text)”", sourceLocation: sourceLocation)
            }
            let under = drawn.filter { box.overlaps($0.box) }
            if label.plate {
                let inside = under.count == 1 && under[0].series == label.series
                    && box.x >= under[0].box.x && box.x + box.width <= under[0].box.x + under[0].box.width
                    && box.y >= under[0].box.y && box.y + box.height <= under[0].box.y + under[0].box.height
                if !inside { Issue.record("“\(label.text)”'s plate is not inside its bar alone", sourceLocation: sourceLocation) }
            } else if !under.isEmpty {
                Issue.record("“\(label.text)” overlaps a bar", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: The layout

    @Test func ticksAreRoundSteps() {
        #expect(ChartLayout.ticks(upTo: 47) == [0, 10, 20, 30, 40, 50])
        #expect(ChartLayout.ticks(upTo: 100) == [0, 20, 40, 60, 80, 100])
        #expect(ChartLayout.ticks(upTo: 7) == [0, 2, 4, 6, 8])
        #expect(ChartLayout.ticks(upTo: 0) == [0, 1])
        let small = ChartLayout.ticks(upTo: 0.23)
        #expect(small.count == 6 && abs(small.last! - 0.25) < 1e-9)
        #expect(ChartLayout.tickText(small[3], step: small[1], suffix: "%") == "0.15%")
        #expect(ChartLayout.tickText(20_000, step: 5000, suffix: "") == "20,000")
    }

    @Test func wrapsNamesByWords() {
        let width = ChartLayout.textWidth("Safeguarding Children")
        #expect(ChartLayout.wrap("Safeguarding Children with Disabilities", width: width) == ["Safeguarding Children", "with Disabilities"])
        #expect(ChartLayout.wrap("Unbreakablewordthatiswide", width: 50) == nil)
    }

    static let awkward: [(String, [String], [Series])] = [
        ("long names", [String(repeating: "Impact of Parental Mental Health ", count: 4), "A"],
         [series("Attended", [27, 3]), series("Did not attend", [9, 0])]),
        ("zeros", ["None", "Also none"], [series("Count", [0, 0])]),
        ("one category", ["Only"], [series("Count", [5])]),
        ("many categories", (1...60).map { "Course \($0)" }, [series("Count", (1...60).map { Double($0 * 37 % 101) })]),
        ("a missing figure", ["A", "B", "C"], [series("Count", [3, nil, 1])]),
    ]

    @Test(arguments: [ChartLayout.Kind.bar, .line])
    func labelsNeverOverlap(kind: ChartLayout.Kind) throws {
        for (name, categories, series) in Self.awkward {
            let result = ChartLayout.layout(kind, categories: categories, series: series)
            if kind == .line, name == "long names" {
                #expect(result == .failure(.labelsTooLong(categories[0])))
                continue
            }
            let layout = try result.get()
            #expect(layout.height > 0, "\(name)")
            Self.expectReadable(layout)
        }
    }

    @Test func columnsFitOrAreRefused() throws {
        let fits = try ChartLayout.layout(
            .column, categories: ["Emotional abuse", "Neglect", "Physical abuse", "Sexual abuse"],
            series: [Self.series("Total", [64, 45, 10, 2])]).get()
        Self.expectReadable(fits)
        #expect(fits.bars.map(\.box.height) == [240, 168.75, 37.5, 7.5])
        for (name, categories, series) in Self.awkward where series.count == 1 && categories.count < 10 {
            Self.expectReadable(try ChartLayout.layout(.column, categories: categories, series: series).get())
            _ = name
        }
        let long = ChartLayout.layout(.column, categories: ["Child Development in Relation to Well-Being and Harm", "B", "C", "D"], series: [Self.series("N", [1, 2, 3, 4])])
        #expect(long == .failure(.labelsTooLong("Child Development in Relation to Well-Being and Harm")))
        let many = ChartLayout.layout(.column, categories: (1...60).map { "C\($0)" }, series: [Self.series("N", (1...60).map { Double($0) })])
        #expect(many == .failure(.labelsTooLong("C1")))
    }

    /// Lines ending at the same figure are named on lines of their own, not on top of each other.
    @Test func lineEndLabelsAreMovedApart() throws {
        let layout = try ChartLayout.layout(
            .line, categories: ["2010-11", "2011-12", "2012-13"],
            series: [Self.series("Neglect", [40, 45, 50]), Self.series("Emotional", [30, 40, 50]), Self.series("Sexual", [0, 2, 50])]).get()
        Self.expectReadable(layout)
        let ends = layout.labels.filter { $0.series != nil }
        #expect(ends.count == 3)
        #expect(Set(ends.map(\.y)).count == 3)
        #expect(layout.lines.map(\.runs.count) == [1, 1, 1])
        // No two of the most lines a chart draws share both colour and dashes.
        let looks = (0..<ChartLayout.seriesLimit).map { "\(ChartSVG.seriesClass($0)) \(ChartSVG.dashes[$0 % ChartSVG.dashes.count])" }
        #expect(Set(looks).count == ChartLayout.seriesLimit)
        let gap = try ChartLayout.layout(.line, categories: ["a", "b", "c", "d"], series: [Self.series("S", [1, nil, 2, 3])]).get()
        #expect(gap.lines[0].runs.map(\.count) == [1, 2])
    }

    /// Many years along the bottom: every second (third…) name shown, never two touching.
    @Test func manyCategoriesOnALineAreThinnedOut() throws {
        let years = (1950...2013).map { "\($0)-\(String($0 + 1).suffix(2))" }
        let layout = try ChartLayout.layout(.line, categories: Array(years.prefix(60)), series: [Self.series("Plans", (0..<60).map { Double($0) })]).get()
        Self.expectReadable(layout)
        let shown = layout.labels.filter { $0.text.hasPrefix("19") || $0.text.hasPrefix("20") && $0.text.count == 7 }
        #expect(shown.count >= 3 && shown.count < 60)
    }

    /// Stacked bars and columns, and grouped columns, with awkward figures: every label
    /// readable, each series' parts in one pattern, a swatch a series in the key.
    @Test(arguments: ["stacked bar", "stacked column", "grouped column"])
    func stackedAndGroupedLabelsNeverOverlap(kind: String) throws {
        let cases: [(String, [String], [Series])] = Self.awkward.map { ($0.0, $0.1, $0.2) } + [
            ("several series", ["Emotional abuse", "Neglect", "Physical abuse", "Sexual abuse"],
             [Self.series("Unborn", [0, 0, 1, 0]), Self.series("0-6 months", [27, 22, 4, 0]), Self.series("7-12 months", [28, 14, 3, 2]),
              Self.series("13-18 months", [5, 4, 2, 0]), Self.series("19-21 months", [3, 4, 0, 0]), Self.series("Over 21 months", [1, 1, 0, 0])]),
            ("long series names", ["A", "B"],
             [Self.series("Children who had had a plan for between seven and twelve months", [3, 4]), Self.series("Others", [1, 0])]),
        ]
        for (name, categories, data) in cases {
            let result: Result<ChartLayout, ChartLayout.Problem> = switch kind {
            case "stacked bar": ChartLayout.layout(.bar, categories: categories, series: data, stacked: true)
            case "stacked column": ChartLayout.layout(.column, categories: categories, series: data, stacked: true)
            default: ChartLayout.layout(.column, categories: categories, series: data.count > 1 ? data : data + [Self.series("Other", data[0].values.map { $0.map { $0 + 1 } })])
            }
            // Columns refuse names that do not fit under them, as a single series's do, and
            // six columns a category leave too little room for their figures.
            if kind != "stacked bar", name == "long names" || name == "many categories" || kind == "grouped column" && name == "several series" {
                #expect(throws: ChartLayout.Problem.self, "\(name)") { try result.get() }
                continue
            }
            let layout = try result.get()
            #expect(layout.patterned, "\(name)")
            #expect(layout.swatches.map(\.series) == Array(0..<max(data.count, kind == "grouped column" ? 2 : 1)), "\(name)")
            Self.expectReadable(layout)
        }
    }

    /// A stacked bar's parts follow each other from its start, in the order of the series,
    /// a part for each figure above 0; its total at its end; figures on plates where they fit.
    @Test func stackedBarsAddUpTheirParts() throws {
        let layout = try ChartLayout.layout(
            .bar, categories: ["Emotional abuse", "Physical abuse"],
            series: [Self.series("Under 1", [27, 0]), Self.series("1 to 4", [28, 1]), Self.series("5 and over", [9, nil])], stacked: true).get()
        Self.expectReadable(layout)
        let first = layout.bars.filter { $0.box.y == layout.bars[0].box.y }
        #expect(first.map(\.series) == [0, 1, 2])
        #expect(first[1].box.x == first[0].box.x + first[0].box.width && first[2].box.x == first[1].box.x + first[1].box.width)
        #expect(abs(first[0].box.width / first[1].box.width - 27.0 / 28) < 1e-9)
        #expect(layout.bars.count == 4, "no part for a 0 or a missing figure")
        let texts = layout.labels.map(\.text)
        #expect(texts.contains("Total: 64") && texts.contains("Total: 1"))
        #expect(layout.labels.filter(\.plate).map(\.text) == ["27", "28", "9"], "the 1 is too thin a part for its plate")
        let total = try #require(layout.labels.first { $0.text == "Total: 64" })
        #expect(total.x > first[2].box.x + first[2].box.width)
        // Percentages and pounds keep their signs and decimals in the total.
        #expect(ChartLayout.total([Self.series("A", [1]), Series(name: "B", values: [2.5], texts: ["£2.50"])], 0, suffix: "").text == "Total: £3.50")
        #expect(ChartLayout.total([Series(name: "A", values: [40], texts: ["40%"]), Series(name: "B", values: [61], texts: ["61%"])], 0, suffix: "%").text == "Total: 101%")
        #expect(ChartLayout.total([Series(name: "A", values: [nil], texts: ["–"])], 0, suffix: "").text == "Total: no figure")
    }

    /// Grouped columns stand side by side in their category's band, each with its figure
    /// above it; a figure wider than its column's room is refused.
    @Test func groupedColumnsStandSideBySide() throws {
        let layout = try ChartLayout.layout(
            .column, categories: ["Emotional abuse", "Neglect"], series: [Self.series("2011-12", [28, 48]), Self.series("2012-13", [42, 40])]).get()
        Self.expectReadable(layout)
        #expect(layout.bars.map(\.series) == [0, 1, 0, 1])
        #expect(layout.bars[0].box.x + layout.bars[0].box.width < layout.bars[1].box.x)
        #expect(layout.bars[1].box.x + layout.bars[1].box.width < ChartLayout.width / 2)
        #expect(layout.bars[2].box.height == ChartLayout.plotHeight)
        let wide = ChartLayout.layout(.column, categories: (1...8).map { "C\($0)" }, series: (1...4).map { Self.series("S\($0)", (1...8).map { _ in 12345 }) })
        #expect(wide == .failure(.figuresTooWide("12345")))
        let word = String(repeating: "long", count: 30)
        #expect(ChartLayout.layout(.column, categories: ["A"], series: [Self.series(word, [1]), Self.series("B", [2])]) == .failure(.seriesNameTooLong(word)))
    }

    /// A line's long name (a row of a statistics file) goes on several lines at its end;
    /// names moved from their line's end are joined to it by a leader.
    @Test func longLineNamesWrapAndKeepTheirLeaders() throws {
        let layout = try ChartLayout.layout(
            .line, categories: ["2010-11", "2011-12", "2012-13"],
            series: [
                Self.series("Children with three or more placement moves", [20, 14, 14.1]),
                Self.series("Children who left care through adoption", [12, 11, 11.2]),
                Self.series("Neglect", [40, 45, 12]),
            ], suffix: "%").get()
        Self.expectReadable(layout)
        let names = layout.labels.filter { $0.series != nil }
        #expect(names.allSatisfy { ChartLayout.textWidth($0.text) <= ChartLayout.width * 0.4 })
        #expect(Set(names.compactMap(\.series)) == [0, 1, 2] && names.count > 3)
        #expect(layout.rules.contains { $0.leader })
        // Too many long names for the chart's height are refused, not drawn off it.
        let many = (1...6).map { Self.series("A measure with a name long enough to go on four lines or so \($0)", [1, 2]) }
        #expect(throws: ChartLayout.Problem.self) { try ChartLayout.layout(.line, categories: ["2011", "2012"], series: many).get() }
    }

    // MARK: Colours

    /// Each series colour, read from the theme's stylesheet, has 3:1 or more against white.
    @Test func seriesColoursContrastWithThePage() throws {
        let css = try String(contentsOfFile: "\(Repo.theme)/assets/site.css", encoding: .utf8)
        let white = Colour(red: 255, green: 255, blue: 255)
        for (index, variable) in ChartSVG.seriesColours.enumerated() {
            let declaration = try #require(css.firstMatch(of: try Regex("\(variable):\\s*(#[0-9a-fA-F]{3,6})")))
            let hex = try #require(declaration.output[1].substring)
            let colour = try #require(Colour(hex: String(hex)))
            #expect(colour.contrast(with: white) >= 3, "\(variable) \(colour.hex)")
            #expect(css.contains(".chart__s\(index) { fill: var(\(variable)); stroke: var(\(variable)); }"))
        }
    }

    /// Printed: a chart is kept on one page, and in black and white its series stay apart:
    /// no two of the six look alike in pattern (bars) or dashes (lines) alone, whatever
    /// their colour; the patterns' marks are white, which shows on every series colour as
    /// the colour shows on white; text is drawn in the default black.
    @Test func printsWholeAndInBlackAndWhite() throws {
        let css = try String(contentsOfFile: "\(Repo.theme)/assets/site.css", encoding: .utf8)
        let print = css.matches(of: #/@media print \{((?:[^{}]|\{[^{}]*\})*)\}/#).map { String($0.output.1) }
        #expect(print.contains { block in
            block.split(separator: "}").contains { $0.contains("break-inside: avoid") && $0.split(separator: "{")[0].split(separator: ",").contains { $0.trimmingWhitespace() == ".chart" } }
        })
        #expect(Set(ChartSVG.patternMarks).count == ChartLayout.seriesLimit && Set(ChartSVG.dashes).count == ChartSVG.dashes.count)
        for mark in ChartSVG.patternMarks {
            let colours = mark.matches(of: #/(?:fill|stroke)="([^"]+)"/#).map { String($0.output.1) }
            #expect(colours.allSatisfy { $0 == "#fff" }, "\(mark)")
        }
        let layout = try ChartLayout.layout(.bar, categories: ["A"], series: [Self.series("S", [1]), Self.series("T", [2])], stacked: true).get()
        let svg = ChartSVG.write(layout, id: "c", title: "T", description: "D")
        #expect(!svg.contains("<text fill") && svg.contains("<text x="))
    }

    // MARK: The bundled portal

    /// The annual report and the training attendance page chart their real figures, each
    /// chart named by its title and described by its main finding.
    @Test func theBundledPortalChartsItsFigures() throws {
        let files = try BundledPortalTests().files
        func page(_ url: String) throws -> String { try #require(files[URLMapping.outputPath(for: url)], "\(url) missing") }
        let report = try page("/publications/annual-reports/2012-13/")
        #expect(report.components(separatedBy: "<svg class=\"chart__svg\"").count == 3)
        #expect(report.contains(">Emotional</text>") && report.contains(">2012-13: 42%</text>"))
        // The children with a plan, stacked by how long they had had it: six patterns, a
        // key, and each category's total above its column.
        #expect(report.components(separatedBy: "<pattern id=\"chart-116-p").count == 7)
        for label in ["Unborn", "Over 21 months", "Total: 64", "Total: 2", "27", "28"] {
            #expect(report.contains(">\(label)</text>"), "\(label)")
        }
        #expect(report.components(separatedBy: "<summary>The figures as a table</summary>").count == 3)
        let attendance = try page("/training/attendance/2012-13/")
        #expect(attendance.contains(#"aria-labelledby="attendance-chart-title attendance-chart-desc""#))
        #expect(attendance.contains(#"<desc id="attendance-chart-desc">731 people attended and 149 booked places were not used"#))
        #expect(attendance.contains(">Safeguarding Level 2</text>") && attendance.contains(">Attended: 95</text>") && attendance.contains(">Did not attend: 12</text>"))
    }

    // MARK: The block

    func scratch(csv: String, block: String) -> Scratch {
        Scratch([
            "data/cp.csv": csv,
            "report.md": page(title: "Report", body: "Intro.\n\n```chart\n\(block)\n```\n"),
        ])
    }

    static let plans = "Category,2011-12,2012-13\nEmotional abuse,28%,42%\nNeglect,48%,40%\nPhysical abuse,15%,16%\nSexual abuse,9%,3%\n"
    static let block = "file: cp.csv\ntype: bar\ntitle: New plans\nsummary: Emotional abuse rose to 42%."

    @Test func rendersAnAccessibleSVGAndItsFigures() throws {
        let site = scratch(csv: Self.plans, block: Self.block + "\nunits: \"% of new plans\"\nsource: A test.\ncaption: Shares are rounded.")
        defer { site.remove() }
        let result = try site.build()
        #expect(result.warnings.isEmpty)
        let html = try #require(site.html("/report/", in: result))
        #expect(html.contains(#"<svg class="chart__svg" viewBox="0 0 400 "#))
        #expect(html.contains(#"role="img" aria-labelledby="chart-8-title chart-8-desc""#))
        #expect(html.contains(#"<title id="chart-8-title">New plans (% of new plans)</title>"#))
        #expect(html.contains(#"<desc id="chart-8-desc">Emotional abuse rose to 42%.</desc>"#))
        for label in ["Emotional abuse", "2011-12: 28%", "2012-13: 42%", "Sexual abuse", "2012-13: 3%"] {
            #expect(html.contains(">\(label)</text>"), "\(label)")
        }
        #expect(html.contains("<summary>The figures as a table</summary>"))
        #expect(html.contains(#"<td data-label="2012-13" class="numeric">42%</td>"#))
        #expect(html.contains("<p>Shares are rounded.</p>") && html.contains("Source: A test."))
        // The Content Security Policy refuses style attributes; the SVG scales with its column.
        let start = try #require(html.firstRange(of: "<svg"))
        let end = try #require(html.firstRange(of: "</svg>"))
        let svg = html[start.lowerBound..<end.upperBound]
        let openingTag = svg.prefix { $0 != ">" }
        #expect(!svg.contains("style=") && !openingTag.contains("width") && !openingTag.contains("height") && !html.contains("```"))
    }

    @Test func drawsTheColumnsNamedWithTheLabelsColumn() throws {
        let csv = "Year,Area,Plans,Total\n2011-12,North,10,10\n2012-13,North,12,12\n"
        let site = scratch(csv: csv, block: "file: cp.csv\ntype: line\ntitle: T\nsummary: S.\nlabel: Year\ncolumns: Plans")
        defer { site.remove() }
        let html = try #require(site.html("/report/", in: try site.build()))
        #expect(html.contains("<polyline class=\"chart__line chart__s0\""))
        #expect(html.contains(">Plans 12</text>") && html.contains(">2011-12</text>"))
        let column = scratch(csv: "Category,Under 1,Over 1,Total\nA,1,2,3\nB,0,1,1\nTotal,1,3,4\n", block: "file: cp.csv\ntype: column\ntitle: T\nsummary: S.\ncolumns: Total")
        defer { column.remove() }
        let columns = try #require(column.html("/report/", in: try column.build()))
        #expect(columns.components(separatedBy: "<rect ").count == 3)
        #expect(columns.contains(">3</text>") && columns.contains(">1</text>") && !columns.contains(">4</text>"))
        #expect(columns.contains("<tfoot>"))
    }

    /// A stacked chart: its parts filled with patterns defined once in the SVG, the key's
    /// swatches in the same ones, figures on plates and totals; no style attribute.
    @Test func rendersStackedColumnsWithPatternsAndAKey() throws {
        let csv = "Category,Under 1,1 to 4,5 and over,Total\nEmotional abuse,3,5,8,16\nNeglect,4,6,10,20\nTotal,7,11,18,36\n"
        let site = scratch(csv: csv, block: "file: cp.csv\ntype: column\nstacked: true\ntitle: Plans\nsummary: Neglect has most.")
        defer { site.remove() }
        let result = try site.build()
        #expect(result.warnings.isEmpty)
        let html = try #require(site.html("/report/", in: result))
        for series in 0..<3 {
            #expect(html.components(separatedBy: "<pattern id=\"chart-8-p\(series)\"").count == 2)
            // Two parts and a swatch in each pattern.
            #expect(html.components(separatedBy: "fill=\"url(#chart-8-p\(series))\"").count == 4)
        }
        #expect(html.contains(##"<rect class="chart__s1" width="8" height="8"/><path d="M-2,2l4,-4M0,8l8,-8M6,10l4,-4" stroke="#fff" stroke-width="2"/></pattern>"##))
        for label in ["Under 1", "1 to 4", "5 and over", "Total: 16", "Total: 20", "10", "Emotional abuse"] {
            #expect(html.contains(">\(label)</text>"), "\(label)")
        }
        #expect(html.contains(##"<rect fill="#fff" "##))
        #expect(!html.contains("style=") && !html.contains(">36</text>"))
    }

    /// `series: rows`: each row a line across the columns, whose headings go along the bottom.
    @Test func drawsRowsAsSeriesAcrossTheColumns() throws {
        let csv = "Measure,2010-11,2011-12,2012-13\nDomestic violence offences,,\"1,239\",\"1,283\"\nNew plans a month,10,10,12\nTotal,10,\"1,249\",\"1,295\"\n"
        let site = scratch(csv: csv, block: "file: cp.csv\ntype: line\nseries: rows\ntitle: T\nsummary: S.")
        defer { site.remove() }
        let html = try #require(site.html("/report/", in: try site.build()))
        #expect(html.components(separatedBy: "<polyline class=\"chart__line").count == 3, "one line a row but the total, the first from its first figure")
        #expect(html.contains("<circle class=\"chart__s0\"") && html.contains("<circle class=\"chart__s1\""))
        for label in ["2010-11", "2012-13", "1,500", "Domestic", "offences 1,283", "month 12"] {
            #expect(html.contains(">\(label)</text>"), "\(label)")
        }
        // The same as grouped columns and stacked bars.
        for block in ["type: column\ncolumns: [2011-12, 2012-13]", "type: bar\nstacked: true"] {
            let other = scratch(csv: csv, block: "file: cp.csv\n\(block)\nseries: rows\ntitle: T\nsummary: S.")
            defer { other.remove() }
            let html = try #require(other.html("/report/", in: try other.build()))
            #expect(html.contains(">Domestic violence offences</text>") && html.contains(">New plans a month</text>"), "\(block)")
            #expect(html.contains(">2012-13</text>") && html.contains("<pattern id=\"chart-8-p1\""), "\(block)")
        }
    }

    /// A chart's ids are claimed after the page's headings' from the same `UniqueIDs`: a
    /// heading whose slug is the id a chart would take keeps its anchor, and the chart, and
    /// a second chart, take others; every id on the page is used once.
    @Test func chartIDsNeverEqualAHeadingsOrAnotherCharts() throws {
        let chart = "```chart\nfile: cp.csv\ntype: column\nstacked: true\ntitle: T\nsummary: S.\n```\n"
        // The body starts on line 5: the charts' settings on lines 10 and 20, so their ids would start chart-10 and chart-20.
        let body = "## Chart 10\n\n## Chart 10-2 desc\n\n" + chart + "\n## Chart 10 p1\n\n" + chart
        let site = Scratch(["data/cp.csv": Self.plans, "report.md": page(title: "Report", body: body)])
        defer { site.remove() }
        let result = try site.build()
        let html = try #require(site.html("/report/", in: result))
        for heading in ["chart-10", "chart-10-2-desc", "chart-10-p1"] {
            #expect(html.contains("<h2 id=\"\(heading)\">"), "\(heading)")
        }
        #expect(html.contains(#"aria-labelledby="chart-10-3-title chart-10-3-desc""#))
        #expect(html.contains(#"aria-labelledby="chart-20-title chart-20-desc""#))
        #expect(html.contains(#"<pattern id="chart-10-3-p1""#) && html.contains(#"fill="url(#chart-20-p1)""#))
        let ids = html.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) }
        #expect(ids.count == Set(ids).count, "\(ids)")
        #expect(ids.count >= 10)
    }

    /// A block claims its ids from the page's `UniqueIDs` after the headings; the compiled
    /// body lists them with the headings', for ids made later for the page from data
    /// (a section's groups) to keep clear of.
    @Test func theBodyKnowsTheIDsItsBlocksClaimed() {
        struct Claims: FencedBlockRenderer {
            var infoStrings: Set<String> { ["claims"] }
            var templates: Set<String> { [] }
            func render(info: String, body: String, file: SourceFile, firstLine: Int, ids: inout UniqueIDs) -> BlockOutput {
                let id = ids.claim("chart", suffixes: ["title"])
                return BlockOutput(html: "<p id=\"\(id)-title\">x</p>")
            }
        }
        let markdown = "```claims\n```\n\n## Chart title\n\n```claims\n```\n"
        let body = MarkdownCompiler.compile(markdown, in: sourceFile(markdown), firstLine: 1, blocks: [Claims()])
        #expect(body.headings.map(\.id) == ["chart-title"])
        #expect(body.headingIDs == ["chart-title"])
        #expect(body.ids == ["chart-title", "chart-2", "chart-2-title", "chart-3", "chart-3-title"])
        #expect(body.html.contains(#"<p id="chart-2-title">"#) && body.html.contains(#"<p id="chart-3-title">"#))
        var ids = UniqueIDs(taken: ["chart-desc"])
        #expect(ids.claim("chart", suffixes: ["title", "desc"]) == "chart-2")
        #expect(ids.claim("chart-2") == "chart-2-2")
        #expect(ids.claim("chart", suffixes: ["title", "desc"]) == "chart-3")
    }

    /// In the preview, a chart's edited CSV file draws the chart again with its page alone.
    @Test func thePreviewRedrawsAChartWhenItsFileChanges() throws {
        let site = scratch(csv: "Category,Plans\nNeglect,45\n", block: "file: cp.csv\ntype: bar\ntitle: T\nsummary: S.")
        defer { site.remove() }
        let session = BuildSession(options: site.options())
        _ = try session.rebuild(changed: nil)
        site.write("data/cp.csv", "Category,Plans\nNeglect,46\n")
        let rebuilt = try session.rebuild(changed: ["\(site.content)/data/cp.csv"])
        #expect(rebuilt.incremental && rebuilt.compiled == 1 && rebuilt.rendered == 1)
        let html = String(decoding: try #require(FileManager.default.contents(atPath: site.output + "/report/index.html")), as: UTF8.self)
        #expect(html.contains(">46</text>") && !html.contains(">45</text>"))
    }

    @Test func badChartsAreLocatedErrorsWithHints() {
        func problems(_ csv: String, _ block: String) -> [String] {
            let site = scratch(csv: csv, block: block)
            defer { site.remove() }
            let found = site.problems()
            #expect(found.filter(\.isError).allSatisfy { $0.hint?.isEmpty == false })
            return located(found)
        }
        #expect(problems(Self.plans, Self.block + "\ncolumns: [2012-13, 2013-14]") == ["report.md:12:10: the file has no column “2013-14”"])
        #expect(problems(Self.plans, Self.block + "\nlabel: Area") == ["report.md:12:8: the file has no column “Area”"])
        #expect(problems("A,B\nx,1\ny,l2\n", Self.block) == ["data/cp.csv:3:3: “l2” in the column “B” is not a number"])
        #expect(problems("A,B,C\nx,1,\ny,2,–\n", Self.block) == ["data/cp.csv:1:5: the column “C” has no figures to draw"])
        #expect(problems("A,B\nx,1\ny,-2\n", Self.block) == ["data/cp.csv:3:3: “-2” is below zero, which a chart here cannot draw"])
        #expect(problems("A,B\nx,1\ny,2\nTotal,4\n", Self.block) == ["data/cp.csv:4:7: the total in the column “B” is 4, but the rows above add up to 3"])
        #expect(problems("A,B\n", Self.block) == ["data/cp.csv:1:1: this file has no rows of figures to draw"])
        let many = "A,B\n" + (1...61).map { "r\($0),\($0)\n" }.joined()
        #expect(problems(many, Self.block) == ["data/cp.csv:62:1: a chart shows at most 60 categories; this row is one too many"])
        #expect(problems(Self.plans, "file: cp.csv\ntype: pie\ntitle: T\nsummary: S.") == ["report.md:9:7: `type` must be one of bar, column, line, not “pie”"])
        #expect(problems(Self.plans, "file: cp.csv\ntype: bar\ntitle: T") == ["report.md:8:1: `summary` is missing from the chart starting here"])
        #expect(problems("A,B,C\nx,100000,200000\n" + (1...7).map { "r\($0),1,2\n" }.joined(), "file: cp.csv\ntype: column\ntitle: T\nsummary: S.")
            == ["report.md:9:7: the labels of the figures (such as “100000”) leave too little room to draw the chart"])
        // Stacked and rows.
        #expect(problems(Self.plans, Self.block + "\nstacked: maybe") == ["report.md:12:10: `stacked` must be true or false, not “maybe”"])
        #expect(problems(Self.plans, Self.block.replacingOccurrences(of: "bar", with: "line") + "\nstacked: true") == ["report.md:12:10: a line chart cannot be stacked"])
        #expect(problems("A,B,C\nx,1,2\ny,3,-2\n", Self.block + "\nstacked: true") == ["data/cp.csv:3:5: “-2” is below zero, which a chart here cannot draw"])
        #expect(problems(Self.plans, Self.block + "\nseries: row") == ["report.md:12:9: `series` must be one of columns, rows, not “row”"])
        let rows = "Measure,2010-11,2011-12\n" + (1...7).map { "m\($0),\($0),2\n" }.joined()
        #expect(problems(rows, Self.block + "\nseries: rows") == ["data/cp.csv:8:1: with `series: rows` a chart draws at most 6 rows; this row is one too many"])
        #expect(problems("Measure,2010-11,2011-12\nm1,1,2\nm2,,–\n", Self.block + "\nseries: rows") == ["data/cp.csv:3:1: the row “m2” has no figures to draw"])
        #expect(problems("Measure,2010-11,2011-12\nm1,1,2\nm2,3,x4\n", Self.block + "\nseries: rows") == ["data/cp.csv:3:6: “x4” in the column “2011-12” is not a number"])
        #expect(problems("Measure,2010-11,2011-12\nm1,1,2\nm2,3,-4\n", Self.block + "\nseries: rows") == ["data/cp.csv:3:6: “-4” is below zero, which a chart here cannot draw"])
        let years = "Measure," + (1...61).map { "Y\($0)" }.joined(separator: ",") + "\nm," + (1...61).map { "\($0)" }.joined(separator: ",") + "\n"
        #expect(problems(years, Self.block + "\nseries: rows") == ["data/cp.csv:1:\(1 + "Measure,".count + (1...60).map { "Y\($0)," }.joined().count): a chart shows at most 60 categories; this column is one too many"])
        #expect(problems("A,B\nChild Development in Relation to Well-Being and Harm,1\n" + (1...8).map { "r\($0),1\n" }.joined(), "file: cp.csv\ntype: column\ntitle: T\nsummary: S.")
            == ["report.md:9:7: “Child Development in Relation to Well-Being and Harm” is too long to go under a column"])
        #expect(problems(Self.plans, Self.block.replacingOccurrences(of: "cp.csv", with: "cp-2013.csv")) == [
            "data/cp.csv:0:0: this data file is not used",
            "report.md:8:7: there is no file data/cp-2013.csv",
        ])
    }
}
