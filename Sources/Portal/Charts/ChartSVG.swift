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

    /// The SVG of `layout`, its ids starting `id`.
    static func write(_ layout: ChartLayout, id: String, title: String, description: String) -> String {
        var svg = "<svg class=\"chart__svg\" viewBox=\"0 0 \(number(ChartLayout.width)) \(number(layout.height))\" role=\"img\" "
        svg += "aria-labelledby=\"\(id)-title \(id)-desc\" font-size=\"\(number(ChartLayout.fontSize))\">\n"
        svg += "<title id=\"\(id)-title\">"
        svg.appendEscapingMarkup(title, apostrophes: false)
        svg += "</title>\n<desc id=\"\(id)-desc\">"
        svg.appendEscapingMarkup(description, apostrophes: false)
        svg += "</desc>\n"
        for rule in layout.rules {
            svg += "<line x1=\"\(number(rule.x1))\" y1=\"\(number(rule.y1))\" x2=\"\(number(rule.x2))\" y2=\"\(number(rule.y2))\" stroke=\"currentColor\""
            svg += rule.grid ? " stroke-opacity=\"0.3\"/>\n" : " stroke-width=\"2\"/>\n"
        }
        for bar in layout.bars where bar.box.width > 0 && bar.box.height > 0 {
            svg += "<rect class=\"\(seriesClass(bar.series))\" x=\"\(number(bar.box.x))\" y=\"\(number(bar.box.y))\" width=\"\(number(bar.box.width))\" height=\"\(number(bar.box.height))\"/>\n"
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
            svg += "<text x=\"\(number(label.x))\" y=\"\(number(label.y))\""
            if label.anchor != .start { svg += " text-anchor=\"\(label.anchor.rawValue)\"" }
            svg += ">"
            svg.appendEscapingMarkup(label.text, apostrophes: false)
            svg += "</text>\n"
        }
        return svg + "</svg>"
    }

    static func seriesClass(_ series: Int) -> String { "chart__s\(series % seriesColours.count)" }

    /// A coordinate to one decimal place, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
