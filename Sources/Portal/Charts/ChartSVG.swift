import Foundation

/// A `ChartLayout` written as inline SVG: `role="img"` named by its `<title>` and described
/// by its `<desc>` (the main finding). No `style` attributes, which the site's Content
/// Security Policy (`style-src 'self'`) would refuse: series take their colours from
/// classes in site.css (`chart__s0`…), the rest from presentation attributes and
/// `currentColor`, the text colour.
enum ChartSVG {
    /// The CSS variables of site.css that colour the series, in order (the classes
    /// `chart__s0`, `chart__s1`, `chart__s2` use them). Each must have a contrast of 3:1 or
    /// more with the white page (WCAG 1.4.11), which ChartTests checks; a series is also
    /// named by its label, so colour is never the only way to tell series apart.
    /// None is `--brand`: site.yaml's branding may make that a light colour (with dark text
    /// on it), which bars on white would not show. Blue and near-black stay apart in a
    /// print in black and white.
    static let seriesColours = ["--link", "--text", "--secondary-text"]
    /// Lines differ in their dashes too, so a print in black and white keeps them apart;
    /// four patterns over three colours, so no two of the six lines a chart draws look alike.
    static let dashes = ["", "10 5", "3 4", "12 4 3 4"]
    /// What each series' pattern draws in white over its colour, on a tile 8 units square:
    /// none for the first, then stripes one way, dots, stripes across, a lattice, stripes
    /// down. With the colours, no two of the six series a chart draws look alike, and in a
    /// print in black and white, where the colours are dark greys, the patterns tell them apart.
    static let patternMarks = [
        "",
        ##"<path d="M-2,2l4,-4M0,8l8,-8M6,10l4,-4" stroke="#fff" stroke-width="2"/>"##,
        ##"<circle cx="4" cy="4" r="2" fill="#fff"/>"##,
        ##"<path d="M0,4h8" stroke="#fff" stroke-width="2"/>"##,
        ##"<path d="M0,0l8,8M8,0l-8,8" stroke="#fff" stroke-width="1.5"/>"##,
        ##"<path d="M4,0v8" stroke="#fff" stroke-width="2"/>"##,
    ]
    /// What follows a chart's id in the ids it makes: its title's, its description's, and
    /// one a pattern. A block claims them all (`UniqueIDs.claim(_:suffixes:)`).
    static let idSuffixes = ["title", "desc"] + patternMarks.indices.map { "p\($0)" }

    /// The SVG of `layout`, its ids starting `id`.
    static func write(_ layout: ChartLayout, id: String, title: String, description: String) -> String {
        var svg = "<svg class=\"chart__svg\" viewBox=\"0 0 \(number(ChartLayout.width)) \(number(layout.height))\" role=\"img\" "
        svg += "aria-labelledby=\"\(id)-title \(id)-desc\" font-size=\"\(number(ChartLayout.fontSize))\">\n"
        svg += "<title id=\"\(id)-title\">"
        svg.appendEscapingMarkup(title, apostrophes: false)
        svg += "</title>\n<desc id=\"\(id)-desc\">"
        svg.appendEscapingMarkup(description, apostrophes: false)
        svg += "</desc>\n"
        if layout.patterned {
            svg += "<defs>\n"
            for series in Set((layout.bars + layout.swatches).map(\.series)).sorted() {
                svg += "<pattern id=\"\(id)-p\(series)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                svg += "<rect class=\"\(seriesClass(series))\" width=\"8\" height=\"8\"/>\(patternMarks[series % patternMarks.count])</pattern>\n"
            }
            svg += "</defs>\n"
        }
        for rule in layout.rules {
            svg += "<line x1=\"\(number(rule.x1))\" y1=\"\(number(rule.y1))\" x2=\"\(number(rule.x2))\" y2=\"\(number(rule.y2))\" stroke=\"currentColor\""
            svg += rule.grid ? " stroke-opacity=\"0.3\"/>\n" : rule.leader ? "/>\n" : " stroke-width=\"2\"/>\n"
        }
        // Patterned parts are edged in white, so that parts of a stack meet at a clear line.
        for bar in layout.bars where bar.box.width > 0 && bar.box.height > 0 {
            let fill = layout.patterned ? "fill=\"url(#\(id)-p\(bar.series))\" stroke=\"#fff\"" : "class=\"\(seriesClass(bar.series))\""
            svg += "<rect \(fill) \(rectangle(bar.box))/>\n"
        }
        for swatch in layout.swatches {
            svg += "<rect fill=\"url(#\(id)-p\(swatch.series))\" \(rectangle(swatch.box))/>\n"
        }
        for line in layout.lines {
            let dash = dashes[line.series % dashes.count]
            for run in line.runs {
                let points = run.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
                if run.count > 1 {
                    svg += "<polyline class=\"chart__line \(seriesClass(line.series))\" points=\"\(points)\" fill=\"none\" stroke-width=\"3\""
                    svg += dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n"
                }
                for point in run {
                    svg += "<circle class=\"\(seriesClass(line.series))\" cx=\"\(number(point.x))\" cy=\"\(number(point.y))\" r=\"4\"/>\n"
                }
            }
        }
        for label in layout.labels {
            if label.plate { svg += "<rect fill=\"#fff\" \(rectangle(label.box))/>\n" }
            svg += "<text x=\"\(number(label.x))\" y=\"\(number(label.y))\""
            if label.anchor != .start { svg += " text-anchor=\"\(label.anchor.rawValue)\"" }
            svg += ">"
            svg.appendEscapingMarkup(label.text, apostrophes: false)
            svg += "</text>\n"
        }
        return svg + "</svg>"
    }

    static func seriesClass(_ series: Int) -> String { "chart__s\(series % seriesColours.count)" }

    static func rectangle(_ box: ChartLayout.Box) -> String {
        "x=\"\(number(box.x))\" y=\"\(number(box.y))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\""
    }

    /// A coordinate to one decimal place, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
