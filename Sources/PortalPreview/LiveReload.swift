import Foundation

/// The script that makes open pages follow the rebuilds, and its injection into HTML as it
/// is served (never into the files of Site/, which stay exactly as `portal build` makes them).
public enum LiveReload {
    public static let scriptPath = "/__portal/reload.js"
    public static let statusPath = "/__portal/status"
    /// Where pages listen for each build's status (a WebSocket).
    public static let socketPath = "/__portal/socket"

    /// The tag added before `</body>`. `data-site` is the build the page came from, read
    /// before the file: a rebuild finishing between serving the page and the script's first
    /// status still reloads it (at worst once more than needed).
    public static func tag(site: Int) -> String {
        "<script src=\"\(scriptPath)\" data-site=\"\(site)\"></script>"
    }

    /// `html` with the tag inserted before its last `</body>` (any case), or appended
    /// if it has none.
    public static func inject(into html: Data, site: Int) -> Data {
        let bytes = [UInt8](html)
        let needle = Array("</body".utf8)
        var at = bytes.count
        if bytes.count >= needle.count {
            for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
            where zip(bytes[start...], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                at = start
                break
            }
        }
        return Data(bytes[..<at] + Array(tag(site: site).utf8) + bytes[at...])
    }

    /// Listens on the socket, which sends the status now and after every build, and reloads
    /// when the served build changes, keeping the place on the page (in `history.state`:
    /// nothing is stored). When the socket closes (the preview stopped or restarting, a
    /// laptop asleep) it tries again every second; a restarted preview counts its builds
    /// from 1 again, so the page reloads. When the latest build failed it
    /// shows the errors at the top of the page; after a build made after an edit to a page,
    /// that page's reading figures at the foot of the window. Both are built with textContent
    /// only, so nothing in a message can become markup; styled through the CSSOM, so no inline
    /// style attribute.
    public static let script = #"""
        // portal serve: reloads this page after each rebuild, and lists the errors when one fails.
        (function () {
          "use strict";
          var me = document.currentScript;
          var shown = me && me.dataset.site ? Number(me.dataset.site) : null;
          var box = null, boxErrors = "";
          var note = null, noteReading = "";

          function make(tag, text) {
            var node = document.createElement(tag);
            if (text) node.textContent = text;
            return node;
          }

          function hide() {
            if (box && box.parentNode) box.parentNode.removeChild(box);
            box = null;
          }

          function show(errors) {
            var key = JSON.stringify(errors);
            if (key === boxErrors) return; // unchanged: do not announce it again
            boxErrors = key;
            hide();
            box = make("section");
            box.id = "portal-preview-errors";
            box.setAttribute("role", "alert");
            box.setAttribute("aria-labelledby", "portal-preview-errors-title");
            var s = box.style;
            s.position = "fixed"; s.top = "0"; s.left = "0"; s.right = "0"; s.zIndex = "2147483647";
            s.maxHeight = "70vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "16px 20px";
            s.background = "#ffffff"; s.color = "#0b0c0c"; s.textAlign = "left";
            s.border = "0"; s.borderTop = "8px solid #d4351c"; s.borderBottom = "4px solid #0b0c0c";
            s.font = "18px/1.4 system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";
            s.boxShadow = "0 4px 12px rgba(0, 0, 0, 0.5)";

            var title = make("h2", "Site not updated: fix these and save");
            title.id = "portal-preview-errors-title";
            title.style.margin = "0 0 8px"; title.style.fontSize = "24px"; title.style.lineHeight = "1.2";
            title.style.fontWeight = "bold"; title.style.fontFamily = "inherit"; title.style.color = "#0b0c0c";
            box.appendChild(title);
            box.appendChild(make("p", (errors.length === 1 ? "1 error stops" : errors.length + " errors stop") +
              " the preview updating. Below is the last version of the page that built."));

            var list = make("ul");
            list.style.margin = "8px 0"; list.style.paddingLeft = "24px";
            errors.forEach(function (error) {
              var item = make("li");
              item.style.marginBottom = "8px";
              var where = make("strong", error.location);
              where.style.fontFamily = "ui-monospace, Menlo, Consolas, monospace";
              where.style.overflowWrap = "anywhere";
              item.appendChild(where);
              item.appendChild(document.createTextNode(": " + error.message));
              if (error.hint) {
                var hint = make("div", "What to do: " + error.hint);
                hint.style.color = "#0b0c0c";
                item.appendChild(hint);
              }
              list.appendChild(item);
            });
            box.appendChild(list);

            var close = make("button", "Hide these errors");
            close.type = "button";
            close.style.font = "inherit"; close.style.padding = "4px 12px"; close.style.color = "#0b0c0c";
            close.style.background = "#ffffff"; close.style.border = "2px solid #0b0c0c"; close.style.cursor = "pointer";
            close.addEventListener("click", hide); // they come back only if the errors change
            box.appendChild(close);

            var body = document.body || document.documentElement;
            body.insertBefore(box, body.firstChild);
          }

          function hideNote() {
            if (note && note.parentNode) note.parentNode.removeChild(note);
            note = null;
          }

          // The figures of the page just edited: a quiet status, not an alert.
          function showReading(reading) {
            var key = JSON.stringify(reading);
            if (key === noteReading) return;
            noteReading = key;
            hideNote();
            if (!reading.length) return;
            var over = reading.some(function (page) { return page.overTarget; });
            note = make("section");
            note.id = "portal-preview-reading";
            note.setAttribute("role", "status");
            note.setAttribute("aria-label", "Reading figures of the page you edited");
            var s = note.style;
            s.position = "fixed"; s.bottom = "0"; s.left = "0"; s.right = "0"; s.zIndex = "2147483646";
            s.maxHeight = "40vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "10px 20px";
            s.background = "#ffffff"; s.color = "#0b0c0c"; s.textAlign = "left";
            s.border = "0"; s.borderTop = "6px solid " + (over ? "#b58840" : "#00703c");
            s.font = "16px/1.4 system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";
            s.boxShadow = "0 -2px 8px rgba(0, 0, 0, 0.3)";
            reading.forEach(function (page) {
              var line = make("p");
              line.style.margin = "0 0 6px";
              var where = make("strong", "Reading, " + page.path);
              where.style.overflowWrap = "anywhere";
              line.appendChild(where);
              line.appendChild(document.createTextNode(": " + page.figures + "."));
              note.appendChild(line);
            });
            if (over) {
              note.appendChild(make("p", "Make the longest sentences shorter and use everyday words; " +
                "the terminal and portal check list them by line."));
            }
            var close = make("button", "Hide the reading figures");
            close.type = "button";
            close.style.font = "inherit"; close.style.padding = "2px 10px"; close.style.color = "#0b0c0c";
            close.style.background = "#ffffff"; close.style.border = "2px solid #0b0c0c"; close.style.cursor = "pointer";
            close.addEventListener("click", hideNote); // back only when the figures change
            note.appendChild(close);
            (document.body || document.documentElement).appendChild(note);
          }

          function follow(status) {
            if (shown === null) shown = status.site;
            if (status.site !== shown) {
              var state = history.state && typeof history.state === "object" ? history.state : {};
              state.portalScroll = [window.scrollX, window.scrollY];
              history.replaceState(state, "");
              location.reload();
              return;
            }
            if (status.ok) { hide(); boxErrors = ""; showReading(status.reading || []); }
            else { show(status.errors); hideNote(); noteReading = ""; }
          }

          function listen() {
            // The page's address: a rebuild writes the pages open first.
            var socket = new WebSocket("ws://" + location.host + "/__portal/socket?page=" + encodeURIComponent(location.pathname));
            socket.onmessage = function (message) { follow(JSON.parse(message.data)); };
            socket.onclose = function () { setTimeout(listen, 1000); };
          }

          // Back where the reader was before the reload, once the page has its full height.
          var place = history.state && history.state.portalScroll;
          if (place) {
            var restore = function () { window.scrollTo(place[0], place[1]); };
            restore();
            window.addEventListener("load", restore);
          }
          listen();
        })();

        """#
}
