"""Headless Chromium driven as a person uses it: type, choose a file, click, download, screenshot.

The DevTools protocol over a pipe (``--remote-debugging-pipe``: commands on the browser's fd 3,
answers on its fd 4, each message JSON ended by a NUL byte), so no driver and no extra package
is needed. Every wait is bounded; the browser is ended when the ``with`` block ends.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import subprocess
import time
from pathlib import Path


class CdpError(AssertionError):
    pass


class Browser:
    """One headless Chromium with one page (``with Browser(chromium, folder) as page: …``)."""

    def __init__(self, executable: str, folder: Path, size: tuple[int, int] = (1366, 768)):
        self.folder = Path(folder)
        self.downloads = self.folder / "tai-ve"
        self.downloads.mkdir(parents=True, exist_ok=True)
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Above fd 4, so that putting one pipe on fd 3 or 4 cannot overwrite the other.
        for name in ("to_browser_r", "from_browser_w"):
            fd = locals()[name]
            high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
            os.close(fd)
            if name == "to_browser_r":
                to_browser_r = high
            else:
                from_browser_w = high

        command = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi-VN",
                   f"--user-data-dir={self.folder / 'profile'}", f"--window-size={size[0]},{size[1]}",
                   "--hide-scrollbars", "about:blank"]
        # The shell puts the pipes on the fds the browser expects (3: commands, 4: answers).
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$@" 3<&{to_browser_r} 4>&{from_browser_w}', "chromium", *command],
            pass_fds=(to_browser_r, from_browser_w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)  # its own process group: ended whole with the test
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.session = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True, session=False)["sessionId"]
        self.call("Page.enable")
        self.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(self.downloads), session=False)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        import signal

        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        try:  # renderers and helpers still alive in the browser's own group
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self._to_browser)
        os.close(self._from_browser)

    # ------------------------------------------------------------------ protocol
    def call(self, method: str, timeout: float = 60, session: bool = True, **params):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for reply in self._read(end):
                if reply.get("id") == self._next:
                    if "error" in reply:
                        raise CdpError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
        raise CdpError(f"{method}: no answer in {timeout} s")

    def _read(self, end: float) -> list[dict]:
        import select

        ready, _, _ = select.select([self._from_browser], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            return []
        chunk = os.read(self._from_browser, 1 << 20)
        if not chunk:
            raise CdpError("Chromium ended")
        self._buffer += chunk
        *messages, self._buffer = self._buffer.split(b"\0")
        return [json.loads(m) for m in messages if m]

    # ------------------------------------------------------------------ what a person does
    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CdpError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    def wait_for(self, condition: str, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if self.js(f"Boolean({condition})"):
                    return
            except CdpError:  # the page is being replaced (a form sent): ask again
                pass
            time.sleep(0.3)
        raise CdpError(f"not true after {timeout} s: {condition}")

    def type(self, selector: str, text: str) -> None:
        """Focus the box and type ``text`` in it, replacing what it held (as a person selects and types)."""
        self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.focus(); e.select(); }})()")
        self.call("Input.insertText", text=text)

    def choose_file(self, selector: str, path: Path) -> None:
        document = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=document, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", nodeId=node, files=[str(path)])

    def click(self, selector: str) -> None:
        self.js(f"document.querySelector({json.dumps(selector)}).click()")

    def text(self) -> str:
        return self.js("document.body.innerText")

    def screenshot(self, png: Path, full: bool = False) -> Path:
        params = {"format": "png"}
        if full:
            metrics = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": metrics["width"], "height": min(metrics["height"], 6000), "scale": 1})
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", **params)["data"]))
        return png

    def download(self, selector: str, timeout: float = 60) -> Path:
        """Click a download link; the file the browser saved."""
        before = set(self.downloads.iterdir())
        self.click(selector)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            done = [p for p in set(self.downloads.iterdir()) - before if not p.name.endswith(".crdownload")]
            if done:
                return done[0]
            time.sleep(0.2)
        raise CdpError(f"no download from {selector} in {timeout} s")
