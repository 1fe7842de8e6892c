using ContractKit.Contracts.Documentation;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using Microsoft.Playwright;

namespace ContractKit.Docs.Tests;

/// <summary>
/// The HTML negotiation document in a real browser: Debian's Chromium (/usr/bin/chromium, which
/// ./test.sh installs) driven by Playwright, headless.
/// </summary>
public class HtmlInChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        Assert.That(File.Exists(Chromium), Is.True, $"{Chromium} is missing: install Debian's chromium (./test.sh does)");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static async Task<Contract> LoadAsync(params string[] path)
    {
        var result = await ContractLoader.LoadFileAsync(Path.Combine([TestRepository.Contracts, .. path]));
        Assert.That(result.Contract, Is.Not.Null, string.Join("\n", result.Diagnostics));
        return result.Contract!;
    }

    private static async Task<(Contract Contract, string Html)> OrdersAsync()
    {
        var orders = await LoadAsync("orders.yaml");
        var history = new[] { await LoadAsync("history", "orders-service", "1.4.0.yaml"), await LoadAsync("history", "orders-service", "2.0.0.yaml") };
        return (orders, ContractDocs.ToHtml(orders, history));
    }

    /// <summary>Opens the page at a width; every request the page makes is recorded.</summary>
    private async Task<(IPage Page, List<string> Requests)> OpenAsync(string html, int width)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return (page, requests);
    }

    [Test]
    public async Task The_page_renders_and_fetches_nothing()
    {
        var (_, html) = await OrdersAsync();
        var (page, requests) = await OpenAsync(html, 1280);

        Assert.That(await page.TitleAsync(), Is.EqualTo("Orders service — data contract 2.1.0"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Orders service"));
        Assert.That(await page.Locator("h2").AllInnerTextsAsync(), Is.EqualTo(new[] { "Owner and consumers", "Compatibility", "Datasets", "Service levels", "Changelog" }));
        Assert.That(await page.GetByText("New records in orders are queryable within 15 minutes; a delay over 1 hour is an incident.").IsVisibleAsync(), Is.True);
        Assert.That(requests, Is.Empty, "a self-contained page requests nothing");
        await page.CloseAsync();
    }

    [TestCase("orders.yaml")]
    [TestCase("payments.yaml")]
    [TestCase("clickstream.yaml")]
    public async Task Each_dataset_table_has_one_row_per_schema_field(string file)
    {
        var contract = await LoadAsync(file);
        var (page, _) = await OpenAsync(ContractDocs.ToHtml(contract, []), 1280);

        foreach (var dataset in contract.Datasets)
        {
            var rows = page.Locator($"section.dataset[data-dataset='{dataset.Name}'] table.fields tbody tr");
            Assert.That(await rows.CountAsync(), Is.EqualTo(dataset.Schema.Fields.Length), dataset.Name);
            Assert.That(await rows.Locator("td:first-child").AllInnerTextsAsync(), Is.EqualTo(dataset.Schema.Fields.Select(f => f.Path.ToString())), dataset.Name);
        }

        await page.CloseAsync();
    }

    [Test]
    public async Task Breaking_changes_are_visibly_marked()
    {
        var (_, html) = await OrdersAsync();
        var (page, _) = await OpenAsync(html, 1280);
        var major = page.Locator("section.changes[data-from='1.4.0'][data-to='2.0.0']");

        var breaking = major.Locator("tr[data-breaking='true']");
        var compatible = major.Locator("tr[data-breaking='false']");
        Assert.That(await breaking.CountAsync(), Is.EqualTo(5));
        Assert.That(await compatible.CountAsync(), Is.EqualTo(1));
        Assert.That(await major.Locator("tbody tr").First.GetAttributeAsync("data-breaking"), Is.EqualTo("true"), "breaking changes come first");
        for (var i = 0; i < 5; i++)
        {
            var tag = breaking.Nth(i).Locator(".tag.breaking");
            Assert.That(await tag.IsVisibleAsync(), Is.True);
            Assert.That(await tag.InnerTextAsync(), Is.EqualTo("⚠ Breaking"));
        }

        var breakingBackground = await breaking.First.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var compatibleBackground = await compatible.First.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.That(breakingBackground, Is.Not.EqualTo(compatibleBackground), "breaking rows stand out by colour, not only by text");
        Assert.That(await page.Locator("section.changes[data-to='2.1.0'] tr[data-breaking='true']").CountAsync(), Is.Zero);
        await page.CloseAsync();
    }

    [TestCase(1280)]
    [TestCase(390)]
    public async Task Nothing_overflows_sideways(int width)
    {
        var (_, html) = await OrdersAsync();
        foreach (var document in new[] { html, ContractDocs.ToHtml(await LoadAsync("payments.yaml"), []), ContractDocs.ToHtml(await LoadAsync("clickstream.yaml"), []) })
        {
            var (page, _) = await OpenAsync(document, width);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            var wideElements = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map(e => e.tagName + '.' + e.className)");
            Assert.That(overflow, Is.LessThanOrEqualTo(0), $"page wider than {width} px");
            Assert.That(wideElements, Is.Empty, $"elements beyond {width} px or scrolling sideways");
            await page.CloseAsync();
        }
    }

    [Test]
    public async Task At_390_px_tables_become_labelled_cards()
    {
        var (_, html) = await OrdersAsync();
        var (page, _) = await OpenAsync(html, 390);
        var cell = page.Locator("section.dataset table.fields tbody tr").First.Locator("td").Nth(1);
        Assert.That(await cell.EvaluateAsync<string>("e => getComputedStyle(e).display"), Is.EqualTo("block"));
        Assert.That(await cell.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"), Is.EqualTo("\"type\""));
        await page.CloseAsync();
    }

    [Test]
    public async Task The_page_prints()
    {
        var (_, html) = await OrdersAsync();
        var (page, _) = await OpenAsync(html, 1280);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.That(pdf.Take(5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(pdf, Has.Length.GreaterThan(10_000));
        await page.CloseAsync();
    }
}
