#!/usr/bin/env python3
"""Session replication step of ops/drill-two-instances.sh, as a clerk's browser does it through the balancer:
  before STATE: signs in with the login form (cookie jar in STATE.cookies), opens the counter, finds a person and
                chooses them (the counter's view state now holds the person); prints the instance that serves the
                session (HAProxy's YIDAN_NODE cookie)
  after STATE:  with the same cookies, after that instance was stopped: the counter still opens signed in, and an
                Ajax action on the page opened before (the year of the chosen person) either still finds the person
                in the view state or answers with the 请重新操作 page; never an error page or a stack trace.
Prints one line per finding: "ok ..." or "FAIL ...". Talks to 127.0.0.1 only.
"""
import http.cookiejar, json, re, sys, urllib.parse, urllib.request

phase, state_file, base = sys.argv[1], sys.argv[2], sys.argv[3]
assert base.startswith("http://127.0.0.1:"), "loopback only"
jar = http.cookiejar.MozillaCookieJar(state_file + ".cookies")
if phase == "after":
    jar.load(ignore_discard=True, ignore_expires=True)
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def request(path, form=None, ajax=False):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data)
    if ajax:
        req.add_header("Faces-Request", "partial/ajax")
        req.add_header("X-Requested-With", "XMLHttpRequest")
    try:
        with opener.open(req, timeout=60) as r:
            return r.status, r.geturl(), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.geturl(), e.read().decode("utf-8", "replace")


def view_state(page):
    m = re.search(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"', page) or \
        re.search(r'<update id="[^"]*jakarta\.faces\.ViewState[^"]*"><!\[CDATA\[([^\]]+)\]\]>', page)
    return m.group(1) if m else None


def nonce(page):
    """PrimeFaces' CSP nonce of the page (web.xml primefaces.CSP): every Ajax request must send it back."""
    m = re.search(r"PrimeFaces\.csp\.init\('([^']+)'\)", page) or re.search(r'nonce="([^"]+)"', page)
    return m.group(1) if m else None


def node():
    return next((c.value for c in jar if c.name == "YIDAN_NODE"), "?")


def say(ok, text):
    print(("ok   " if ok else "FAIL ") + text)


def ajax(view, csp, source, execute, render, fields, event=None):
    form = {"jakarta.faces.partial.ajax": "true", "jakarta.faces.source": source,
            "jakarta.faces.partial.execute": execute, "jakarta.faces.partial.render": render,
            "jakarta.faces.ViewState": view, "primefaces.nonce": csp}
    if event:
        form.update({"jakarta.faces.behavior.event": event, "jakarta.faces.partial.event": event})
    else:
        form[source] = source
    form.update(fields)
    return request("/settlement/counter.xhtml", form, ajax=True)


if phase == "before":
    person = sys.argv[4]
    status, url, page = request("/login.xhtml")
    status, url, page = request("/login.xhtml", {
        "loginForm": "loginForm", "loginForm:username": "demo-clerk", "loginForm:password": "demo-clerk",
        "loginForm:loginButton": "", "jakarta.faces.ViewState": view_state(page)})
    say("signedInName" in page and "loginForm" not in page, f"signed in through the balancer ({status} {url})")
    status, url, page = request("/settlement/counter.xhtml")
    say(status == 200 and "lookupForm" in page, f"the counter opens ({status})")
    view, csp = view_state(page), nonce(page)
    status, url, answer = ajax(view, csp, "lookupForm:findButton", "lookupForm", "lookupForm personPanel billPanel",
                               {"lookupForm": "lookupForm", "lookupForm:query": person})
    open(state_file + ".search.xml", "w").write(answer)
    chosen = status == 200 and '<update id="personPanel">' in answer and "演练" in answer
    say(chosen, f"the counter found and chose the person ({status}"
                + ("" if chosen else ", answer in " + state_file + ".search.xml: " + repr(answer[:300])) + ")")
    json.dump({"view": view_state(answer) or view, "nonce": csp, "node": node()}, open(state_file, "w"))
    jar.save(ignore_discard=True, ignore_expires=True)
    print("node " + node())
else:
    saved = json.load(open(state_file))
    status, url, page = request("/settlement/counter.xhtml")
    signed_in = status == 200 and "signedInName" in page and "loginForm" not in page
    say(signed_in, f"after instance {saved['node']} stopped, the counter still opens signed in ({status} {url}, "
                   f"now served by {node()})")
    year = "2020"
    status, url, answer = ajax(saved["view"], saved["nonce"], "personForm:year", "personForm:year", "personForm",
                               {"personForm": "personForm", "personForm:year_input": year}, event="change")
    open(state_file + ".after.xml", "w").write(answer)
    survived = status == 200 and '<update id="personForm">' in answer and "演练" in answer
    expired = status == 200 and "view-expired.xhtml" in answer
    trace = re.search(r"Exception|\tat |<error>", answer) or "<partial-response" not in answer
    if survived:
        say(True, "the counter's view state survived: the chosen person is still on the page")
    elif expired:
        say(True, "the counter's view state did not survive and the page says 请重新操作 (view-expired page)")
    else:
        say(False, f"the counter's next action after the switch: {status} {answer[:400]!r}")
    say(not trace, "a partial response without error or stack trace")
    if expired:
        status, url, page = request("/error/view-expired.xhtml?from=/settlement/counter.xhtml")
        say(status == 200 and "请重新操作" in page, f"the view-expired page says 请重新操作 ({status})")
    jar.save(ignore_discard=True, ignore_expires=True)
