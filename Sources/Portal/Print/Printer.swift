import Foundation

/// WeasyPrint, which turns a page made for paper (CSS Paged Media: page numbers, running
/// headers, a contents page by `target-counter`) into a tagged PDF. Found where it is
/// installed, never downloaded: a build without it makes no PDFs and links to none.
public struct Printer: Sendable {
    /// The WeasyPrint program to run.
    public let program: String
    /// The longest a document may take before WeasyPrint is stopped (it is never left to hang).
    var timeout: Double = 300

    public init(program: String) {
        self.program = program
    }

    /// WeasyPrint, if it is installed: `weasyprint` on `PATH`, or in the `bin/` of the
    /// Python that `pip install weasyprint` put it beside.
    public static func find(
        path: String = ProcessInfo.processInfo.environment["PATH"] ?? "", home: String = NSHomeDirectory()
    ) -> Printer? {
        InstalledProgram.find(["weasyprint"], path: path, home: home).map(Printer.init)
    }

    /// Tagged PDF (PDF/UA-1): headings, lists, tables and the reading order are marked for
    /// screen readers, with the title and language. Nothing is fetched: every URL the page
    /// holds only becomes a link (`baseURL` makes the site's own addresses whole).
    func arguments(input: String, output: String, baseURL: String) -> [String] {
        [input, output, "--pdf-variant", "pdf/ua-1", "--base-url", baseURL + "/", "--allowed-protocols", "data", "--quiet"]
    }

    /// What makes the same page give the same PDF: the program (a new version is a new file)
    /// and how it is run. Its bytes are part of each document's key in the cache.
    var identity: String {
        var info = stat()
        let file = stat(URL(fileURLWithPath: program).resolvingSymlinksInPath().path, &info) == 0
            ? "\(info.st_size) \(info.st_mtim.tv_sec)" : ""
        return "\(program) \(file) \(arguments(input: "-", output: "-", baseURL: "").joined(separator: " "))"
    }

    /// The PDF of `html`, a page made to print. Throws what WeasyPrint said if it failed.
    func print(_ html: String, baseURL: String) throws(OutputWriter.Failure) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-print-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (input, output) = ("\(folder)/page.html", "\(folder)/page.pdf")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: URL(fileURLWithPath: input))
        } catch {
            throw .io("could not prepare a page for WeasyPrint: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments(input: input, output: output, baseURL: baseURL)
        // What it says goes to a file, not a pipe: a long message cannot fill a pipe and stop it.
        let log = "\(folder)/said.txt"
        FileManager.default.createFile(atPath: log, contents: nil)
        let said = FileHandle(forWritingAtPath: log)
        process.standardError = said
        process.standardOutput = said
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .io("could not run WeasyPrint (\(program)) to make a PDF: \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw .io("WeasyPrint took more than \(Int(timeout)) seconds to make a PDF, and was stopped")
        }
        try? said?.close()
        let message = FileManager.default.contents(atPath: log) ?? Data()
        // A Python traceback ends with what went wrong: that line alone says it.
        let text = String(decoding: message, as: UTF8.self).split(separator: "\n")
            .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output) else {
            throw .io("WeasyPrint could not make a PDF\(text.isEmpty ? "" : ": \(text)")")
        }
        return [UInt8](pdf)
    }
}
