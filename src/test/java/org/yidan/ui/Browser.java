package org.yidan.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, for the browser tests. Both paths are set
 * explicitly so that Selenium Manager never tries to download a browser or a driver. Each instance has its own
 * fresh profile and is closed with {@link #close()}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String root;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(String root) {
        this.root = root;
        try {
            profile = Files.createTempDirectory("yidan-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        // downloads (exports) land in the profile's own folder, without a prompt
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        // the console's messages (CSP violations among them) are read by consoleMessages()
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(root + path);
        settle();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(root.length());
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Types into an empty field (a date picker's input, a text field that is empty). */
    void type(String id, String text) {
        WebElement field = find(id);
        field.sendKeys(text);
    }

    /**
     * Replaces a field's content as a user does: select all, delete, type, and look at what the field now says. A
     * dialog that has just closed hands the focus back a moment later; keys sent in that moment go elsewhere and the
     * old figures stay in front of the new ones ("60000.0090000", CI 2026-11-27). The user sees that and types again.
     */
    void replace(String id, String text) {
        for (int attempt = 0; attempt < 3; attempt++) {
            click(By.id(id));
            WebElement field = find(id);
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            if (!field.getAttribute("value").isEmpty()) {
                continue;
            }
            field.sendKeys(text);
            if (text.equals(field.getAttribute("value"))) {
                return;
            }
        }
        throw new IllegalStateException(id + " shows '" + find(id).getAttribute("value") + "', not '" + text + "'");
    }

    void click(String id) {
        click(By.id(id));
    }

    /**
     * Clicks as a user does: when something still moving covers the element (the page scrolling to a result, an
     * overlay fading out), Chromium gives the click to that instead and nothing happens; the user clicks again once
     * the page stands still, and so does this (an intercepted click never reached the element).
     */
    void click(By by) {
        wait.until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
            if (element == null) {
                return false;
            }
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
        settle();
    }

    /**
     * Answers the open confirmation dialog (确认 / 取消: {@code confirmYes} or {@code confirmNo}) as a user does: once
     * it has faded in — a click during the fade can land beside the button and leave the dialog open — then waits
     * until the dialog has closed and what the answer started has finished.
     */
    void confirm(String buttonId) {
        By dialog = By.cssSelector(".ui-confirm-dialog");
        wait.until(driver -> driver.findElements(dialog).stream()
                .anyMatch(d -> d.isDisplayed() && "1".equals(d.getCssValue("opacity"))));
        click(buttonId);
        // PrimeFaces hides the dialog as soon as a button takes the click; one still open seconds later never got
        // it (CI 2026-11-27: 30 s with the dialog open), and a user clicks again
        long[] clicked = {System.nanoTime()};
        wait.until(driver -> {
            if (ExpectedConditions.invisibilityOfElementLocated(dialog).apply(driver)) {
                return true;
            }
            if (System.nanoTime() - clicked[0] > 5_000_000_000L && ajaxIdle()) {
                clicked[0] = System.nanoTime();
                try {
                    driver.findElements(By.id(buttonId)).stream().filter(WebElement::isDisplayed).findFirst()
                            .ifPresent(WebElement::click);
                } catch (WebDriverException closingOrCovered) {
                    // the dialog closed or moved meanwhile: looked at again on the next poll
                }
            }
            return false;
        });
        settle();
    }

    /** True in the page when no PrimeFaces or jQuery Ajax request is under way. */
    private static final String AJAX_IDLE = "(!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
            + " && (!window.jQuery || jQuery.active === 0)";

    private boolean ajaxIdle() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return " + AJAX_IDLE + ";"));
    }

    /**
     * Chooses an option of a PrimeFaces selectOneMenu by its label, as a user does: open the list, click the
     * option. Tried again while the list is still fading in and the click lands beside the option.
     */
    void choose(String id, String label) {
        By option = By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']");
        for (int attempt = 0; attempt < 3 && !label.equals(chosen(id)); attempt++) {
            click(By.cssSelector("[id='" + id + "'] .ui-selectonemenu-trigger"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(option));
            wait.until(driver -> "1".equals(driver.findElement(By.id(id + "_panel")).getCssValue("opacity")));
            click(option);
        }
        if (!label.equals(chosen(id))) {
            throw new IllegalStateException(id + " shows '" + chosen(id) + "', not '" + label + "'");
        }
    }

    private String chosen(String id) {
        return driver.findElement(By.id(id + "_label")).getText().trim();
    }

    /** Waits until the element's top is inside the window, e.g. after the page scrolled to a result. */
    void awaitScrolledTo(String id) {
        find(id);
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < window.innerHeight;", id)));
    }

    String text(String id) {
        return find(id).getText().trim();
    }

    String text(By by) {
        return find(by).getText().trim();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Fetches a URL from the page, with the page's session cookie: "status content-type". */
    String fetch(String url) {
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); })"
                        + ".catch(function (e) { done('failed ' + e); });", url));
    }

    /** Waits until a download whose name ends with {@code suffix} is complete, and returns it. */
    Path awaitDownload(String suffix) {
        Path folder = profile.resolve("downloads");
        return wait.until(driver -> {
            try (var files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    /** The browser console's messages since the last call, e.g. "Refused to execute inline script …". */
    java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Opens a URL that is not the application's, e.g. a page of another site. */
    void openElsewhere(String url) {
        driver.get(url);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void awaitPath(String prefix) {
        wait.until(driver -> currentPath().startsWith(prefix));
        settle();
    }

    /** Waits until the page has loaded and no PrimeFaces or jQuery Ajax request is under way. */
    void settle() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState === 'complete' && (" + AJAX_IDLE + ");")));
    }

    /**
     * What the browser's print gives, as a PDF: Chromium's own print to PDF (DevTools Page.printToPDF), with the
     * page's CSS page size, as a clerk's 打印 would lay it out.
     */
    byte[] printToPdf() {
        Map<String, Object> printed = driver.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        return java.util.Base64.getDecoder().decode((String) printed.get("data"));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks something that loads a new page (a non-Ajax form or a link) and waits for that page. */
    void clickToLoad(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or chromedriver's "node does not belong to the document": the old page has gone
                return true;
            }
        });
        settle();
    }

    void logIn(String username, String password) {
        open("/login.xhtml");
        type("loginForm:username", username);
        type("loginForm:password", password);
        clickToLoad("loginForm:loginButton");
    }

    void logOut() {
        clickToLoad("headerForm:logout");
        awaitPath("/login.xhtml");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
