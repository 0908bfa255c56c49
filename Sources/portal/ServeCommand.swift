import ArgumentParser
import Foundation
import PortalCommandLine

/// `portal serve` hands over to `portal-serve`, the program installed beside this one. The
/// preview's web server (FlyingFox) brings Foundation's networking, and with it libcurl and
/// some forty shared libraries: loading them took 18 ms of every `portal build`, which now
/// starts without them, its Swift libraries linked in.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the website in your browser while you edit it.",
        discussion: "See `portal serve --help` for its options.",
        // `--help` too goes to portal-serve, which knows the options.
        helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: "The preview's options.")
    var options: [String] = []

    func run() throws {
        let own = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path ?? "."
        let program = own + "/portal-serve"
        var arguments = ([program] + options).map { strdup($0) } + [nil]
        execv(program, &arguments)
        Terminal.error(
            "error: the preview program \(program) could not be started (\(String(cString: strerror(errno))))\n"
                + "hint: Build it beside portal: swift build -c release --product portal-serve (make site builds both, make install installs both).")
        throw ExitCode.failure
    }
}
