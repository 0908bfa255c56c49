/// A file's size as GOV.UK writes it beside a download: "600 KB", "1.2 MB".
enum FileSize {
    static func text(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 999_500 { return "\((bytes + 500) / 1_000) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 || tenths >= 100 ? "\((tenths + 5) / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
