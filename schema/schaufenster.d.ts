// Generated from schema/schaufenster.schema.json by schaufenster_config::ts (do not edit;
// `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test ts_drift` refreshes it).

/** Schaufenster configuration: global settings and one section per widget. */
export interface SchaufensterConfig {
  /** The JSON Schema, for editors. */
  $schema?: string;
  /** Locale for texts and number formatting, e.g. "de-DE", "de-CH" or "en-US". Default "de-DE". */
  locale?: string;
  /** Shop currency used when the cart does not say (ISO 4217). Default "EUR". */
  currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
  /** Destination country used when the cart does not say (ISO 3166-1 alpha-2). */
  country?: string;
  /** How the widgets reach the shop's backend. */
  backend?: {
    /** Base URL of the API; relative paths are resolved against the page. Default "/api". */
    base_url?: string;
    /** Extra request headers, e.g. an API key for a read-only storefront token. */
    headers?: { [key: string]: string };
    /** Whether cookies are sent: "omit", "same-origin" (default) or "include". */
    credentials?: "omit" | "same-origin" | "include";
    /** Time after which a request is abandoned, in ms (100 to 60000, default 8000). */
    timeout_ms?: number;
    /** Retries after a failed attempt (0 to 5, default 2); only network errors, timeouts, 408, 429 and 5xx are retried. */
    retries?: number;
  };
  /** The shop platform whose public storefront API the cart comes from: "shopify" (Ajax Cart API, /cart.js), "shopware6" (Store API, /store-api/checkout/cart; put the sales channel's "sw-access-key" and the visitor's "sw-context-token" in backend.headers) or "woocommerce" (Store API, /wp-json/wc/store/v1/cart). It fills in the cart's URL, map and money format; the paths are resolved against backend.base_url when that is an absolute URL, else against the page's origin. An explicit "cart" wins. */
  preset?: "shopify" | "shopware6" | "woocommerce";
  /** Where the cart comes from. Default: the preset's endpoint, else GET {backend.base_url}/cart in the reference backend's shape. */
  cart?: {
    url?: string;
    /** The data itself, in the shape the map describes. */
    inline?: unknown;
    map?: {
      /** Pointer to currency; default "/currency". */
      currency?: string;
      /** Pointer to minor_unit; default "/minor_unit". */
      minor_unit?: string;
      /** Pointer to country; default "/country". */
      country?: string;
      /** Pointer to discount; default "/discount". */
      discount?: string;
      /** Pointer to discount.amount; default "/amount". */
      "discount.amount"?: string;
      /** Pointer to free_shipping; default "/shipping/free_shipping_granted". */
      free_shipping?: string;
      /** Pointer to lines; default "/lines". */
      lines?: string;
      /** Pointer to lines.product_id; default "/product_id". */
      "lines.product_id"?: string;
      /** Pointer to lines.quantity; default "/quantity". */
      "lines.quantity"?: string;
      /** Pointer to lines.unit_price; default "/unit_price". */
      "lines.unit_price"?: string;
      /** Pointer to lines.line_discount; default "/line_discount". */
      "lines.line_discount"?: string;
      /** Pointer to lines.type; default "/type". */
      "lines.type"?: string;
    };
    /** How money appears in a backend response. */
    money?: "minor" | "decimal" | "cents" | "stated_minor";
  };
  /** Colours, radius and Shadow DOM. */
  theme?: {
    /** Accent colour (--sf-accent), e.g. "#0a7d5a". */
    accent?: string;
    /** Text colour (--sf-text). */
    text?: string;
    /** Background colour (--sf-bg). */
    background?: string;
    /** Corner radius (--sf-radius), e.g. "8px". */
    radius?: string;
    /** Render inside a Shadow DOM so host CSS cannot break the widgets (default true). */
    shadow_dom?: boolean;
  };
  /** When the widgets may write storage or send analytics. */
  consent?: {
    /** Whether consent is needed first (default true). */
    required?: boolean;
    /** Name of the DOM event on window/document that grants consent (default "sf:consent"). */
    event?: string;
    /** Where consent comes from: "event" (the event above, or grantConsent()) or "shopify" (Shopify's Customer Privacy API: granted when analyticsProcessingAllowed() and preferencesProcessingAllowed() are true, at start or on its visitorConsentCollected event; the event above and grantConsent() still work). */
    source?: "event" | "shopify";
  };
  /** Text overrides per language: {"de": {"shipping.remaining.free_shipping": "Noch {remaining}…"}}. */
  messages?: { [key: string]: {
    /** Default de: "Fortschritt bis zum kostenlosen Versand"; en: "Progress to free shipping" */
    "shipping.label"?: string;
    /** Default de: "Noch {remaining} bis zum kostenlosen Versand"; en: "{remaining} away from free shipping" */
    "shipping.remaining.free_shipping"?: string;
    /** Default de: "Noch {remaining} bis zu deinem Gratis-Geschenk"; en: "{remaining} away from your free gift" */
    "shipping.remaining.gift"?: string;
    /** Default de: "Noch {remaining} bis zur nächsten Prämie"; en: "{remaining} away from your next reward" */
    "shipping.remaining.other"?: string;
    /** Default de: "Kostenloser Versand ist dabei!"; en: "You get free shipping!" */
    "shipping.reached.free_shipping"?: string;
    /** Default de: "Dein Gratis-Geschenk ist dabei!"; en: "Your free gift is included!" */
    "shipping.reached.gift"?: string;
    /** Default de: "Prämie erreicht!"; en: "Reward unlocked!" */
    "shipping.reached.other"?: string;
    /** Default de: "{done} {next}"; en: "{done} {next}" */
    "shipping.reached_next"?: string;
    /** Default de: "Kostenloser Versand ab {threshold}"; en: "Free shipping from {threshold}" */
    "shipping.empty"?: string;
    /** Default de: "Gutscheine ({amount}) zählen nicht mit."; en: "Gift cards ({amount}) don't count." */
    "shipping.excluded"?: string;
    /** Default de: "Versandkosten werden im Warenkorb berechnet."; en: "Shipping costs are calculated in the cart." */
    "shipping.unavailable"?: string;
    /** Default de: "Damit fehlt nichts mehr:"; en: "These close the gap:" */
    "shipping.suggestions"?: string;
    /** Default de: "in den Warenkorb"; en: "add to cart" */
    "shipping.add"?: string;
    /** Default de: "{subtotal} von {threshold}"; en: "{subtotal} of {threshold}" */
    "shipping.value"?: string;
    /** Default de: "{count} Person hat das in den letzten {window} gekauft"; en: "{count} person bought this in the last {window}" */
    "social.purchases.one"?: string;
    /** Default de: "{count} Personen haben das in den letzten {window} gekauft"; en: "{count} people bought this in the last {window}" */
    "social.purchases.other"?: string;
    /** Default de: "{count} Person hat das in den letzten {window} in den Warenkorb gelegt"; en: "{count} person added this to their cart in the last {window}" */
    "social.carts.one"?: string;
    /** Default de: "{count} Personen haben das in den letzten {window} in den Warenkorb gelegt"; en: "{count} people added this to their cart in the last {window}" */
    "social.carts.other"?: string;
    /** Default de: "{count} Person sieht sich das gerade an"; en: "{count} person is looking at this right now" */
    "social.viewers.one"?: string;
    /** Default de: "{count} Personen sehen sich das gerade an"; en: "{count} people are looking at this right now" */
    "social.viewers.other"?: string;
    /** Default de: "Nur noch {count} Stück auf Lager"; en: "Only {count} left in stock" */
    "social.low_stock.one"?: string;
    /** Default de: "Nur noch {count} Stück auf Lager"; en: "Only {count} left in stock" */
    "social.low_stock.other"?: string;
    /** Default de: "{average} von 5 Sternen, {count} Bewertung"; en: "{average} of 5 stars, {count} review" */
    "social.rating.one"?: string;
    /** Default de: "{average} von 5 Sternen, {count} Bewertungen"; en: "{average} of 5 stars, {count} reviews" */
    "social.rating.other"?: string;
    /** Default de: "Bestseller in {category}"; en: "Bestseller in {category}" */
    "social.bestseller"?: string;
    /** Default de: "So zählen wir"; en: "How we count" */
    "social.how"?: string;
    /** Default de: "Wir zählen nur echte Käufe, Warenkorb-Aktionen und Seitenaufrufe in diesem Shop – ohne Namen oder Orte. „Gerade angesehen“ heißt: in den letzten 5 Minuten. Ab 20 runden wir ab („20+“)."; en: "We count only real purchases, add-to-cart actions and page views in this shop – no names or places. “Looking right now” means in the last 5 minutes. From 20 on we round down (“20+”)." */
    "social.disclosure"?: string;
    /** Default de: "Hilfe durchsuchen"; en: "Search help" */
    "faq.label"?: string;
    /** Default de: "z. B. Rücksendung, Lieferzeit, Gutschein"; en: "e.g. returns, delivery time, voucher" */
    "faq.placeholder"?: string;
    /** Default de: "Häufige Fragen"; en: "Popular questions" */
    "faq.popular"?: string;
    /** Default de: "{count} Antwort zu „{query}“"; en: "{count} answer for “{query}”" */
    "faq.results.one"?: string;
    /** Default de: "{count} Antworten zu „{query}“"; en: "{count} answers for “{query}”" */
    "faq.results.other"?: string;
    /** Default de: "Zu „{query}“ haben wir keine Antwort gefunden."; en: "We found no answer for “{query}”." */
    "faq.none"?: string;
    /** Default de: "Frag uns direkt – wir helfen gern."; en: "Ask us directly – we're happy to help." */
    "faq.contact"?: string;
    /** Default de: "Kontakt aufnehmen"; en: "Contact us" */
    "faq.contact_link"?: string;
    /** Default de: "Themen"; en: "Topics" */
    "faq.categories"?: string;
    /** Default de: "Alle"; en: "All" */
    "faq.all"?: string;
    /** Default de: "Hilfe wird geladen …"; en: "Loading help …" */
    "faq.loading"?: string;
    /** Default de: "Die Hilfe ist gerade nicht erreichbar."; en: "Help is not available right now." */
    "faq.unavailable"?: string;
    /** Default de: "War das hilfreich?"; en: "Was this helpful?" */
    "faq.helpful"?: string;
    /** Default de: "Ja"; en: "Yes" */
    "faq.yes"?: string;
    /** Default de: "Nein"; en: "No" */
    "faq.no"?: string;
    /** Default de: "Danke für dein Feedback!"; en: "Thanks for your feedback!" */
    "faq.thanks"?: string;
    /** Default de: "Dein Feedback konnte nicht gesendet werden."; en: "Your feedback could not be sent." */
    "faq.feedback_failed"?: string;
    /** Default de: "Antwort schließen"; en: "Close answer" */
    "faq.close"?: string;
    /** Default de: "Produktberater"; en: "Product advisor" */
    "advisor.label"?: string;
    /** Default de: "Der Produktberater wird geladen …"; en: "Loading the product advisor …" */
    "advisor.loading"?: string;
    /** Default de: "Der Produktberater ist gerade nicht erreichbar."; en: "The product advisor is not available right now." */
    "advisor.unavailable"?: string;
    /** Default de: "Erneut versuchen"; en: "Try again" */
    "advisor.retry"?: string;
    /** Default de: "Frage {step} von {total}"; en: "Question {step} of {total}" */
    "advisor.progress"?: string;
    /** Default de: "Weiter"; en: "Next" */
    "advisor.next"?: string;
    /** Default de: "Ergebnisse anzeigen"; en: "Show results" */
    "advisor.show"?: string;
    /** Default de: "Zurück"; en: "Back" */
    "advisor.back"?: string;
    /** Default de: "Überspringen"; en: "Skip" */
    "advisor.skip"?: string;
    /** Default de: "Neu starten"; en: "Start over" */
    "advisor.restart"?: string;
    /** Default de: "Bitte wähle eine Antwort."; en: "Please choose an answer." */
    "advisor.required"?: string;
    /** Default de: "{count} passendes Produkt"; en: "{count} matching product" */
    "advisor.count.one"?: string;
    /** Default de: "{count} passende Produkte"; en: "{count} matching products" */
    "advisor.count.other"?: string;
    /** Default de: "kein passendes Produkt"; en: "no matching product" */
    "advisor.count_none"?: string;
    /** Default de: "Mindestens"; en: "At least" */
    "advisor.min"?: string;
    /** Default de: "Höchstens"; en: "At most" */
    "advisor.max"?: string;
    /** Default de: "Leer lassen, wenn es keine Grenze gibt."; en: "Leave empty for no limit." */
    "advisor.range_hint"?: string;
    /** Default de: "Unsere Empfehlungen für dich"; en: "Our recommendations for you" */
    "advisor.results"?: string;
    /** Default de: "Leider passt kein Produkt zu deinen Antworten."; en: "Sorry, no product fits your answers." */
    "advisor.no_results"?: string;
    /** Default de: "Kein Produkt erfüllt alle Wünsche. Nicht berücksichtigt: {relaxed}. Das sind die am besten passenden Produkte."; en: "No product meets every wish. Left out: {relaxed}. These are the closest matches." */
    "advisor.relaxed"?: string;
    /** Default de: "Kein Produkt passt zu all deinen bisherigen Antworten. Nicht berücksichtigt: {relaxed}."; en: "No product fits all your answers so far. Left out: {relaxed}." */
    "advisor.relaxed_so_far"?: string;
    /** Default de: "{percent} % passend"; en: "{percent}% match" */
    "advisor.match"?: string;
    /** Default de: "erfüllt:"; en: "meets:" */
    "advisor.met"?: string;
    /** Default de: "nicht erfüllt:"; en: "does not meet:" */
    "advisor.missed"?: string;
    /** Default de: "unbekannt:"; en: "unknown:" */
    "advisor.unknown"?: string;
    /** Default de: "Nachteil:"; en: "drawback:" */
    "advisor.drawback"?: string;
    /** Default de: "In den Warenkorb"; en: "Add to cart" */
    "advisor.add"?: string;
    /** Default de: "{title} liegt im Warenkorb."; en: "{title} is in your cart." */
    "advisor.added"?: string;
    /** Default de: "Das hat nicht geklappt. Bitte versuche es noch einmal."; en: "That did not work. Please try again." */
    "advisor.add_failed"?: string;
    /** Default de: "Ausverkauft"; en: "Sold out" */
    "advisor.sold_out"?: string;
    /** Default de: "Deine Antworten von vorhin sind wieder da."; en: "Your earlier answers are back." */
    "advisor.resumed"?: string;
    /** Default de: "Die Preise sind jetzt in {currency}. Deine Budget-Angabe haben wir entfernt."; en: "Prices are now in {currency}. We removed your budget." */
    "advisor.budget_dropped"?: string;
    /** Default de: "Treuepunkte"; en: "Loyalty points" */
    "loyalty.launcher"?: string;
    /** Default de: "Deine Treuepunkte"; en: "Your loyalty points" */
    "loyalty.title"?: string;
    /** Default de: "Schließen"; en: "Close" */
    "loyalty.close"?: string;
    /** Default de: "Treuepunkte werden geladen …"; en: "Loading your points …" */
    "loyalty.loading"?: string;
    /** Default de: "Die Treuepunkte sind gerade nicht erreichbar."; en: "Loyalty points are not available right now." */
    "loyalty.unavailable"?: string;
    /** Default de: "Erneut versuchen"; en: "Try again" */
    "loyalty.retry"?: string;
    /** Default de: "Sammle bei jedem Einkauf Punkte und löse sie gegen Prämien ein."; en: "Collect points with every order and redeem them for rewards." */
    "loyalty.join_text"?: string;
    /** Default de: "Anmelden und Punkte sammeln"; en: "Sign in and collect points" */
    "loyalty.join"?: string;
    /** Default de: "Deine Anmeldung ist abgelaufen oder ungültig. Bitte melde dich erneut an."; en: "Your sign-in has expired or is invalid. Please sign in again." */
    "loyalty.expired"?: string;
    /** Default de: "{count} Punkt"; en: "{count} point" */
    "loyalty.points.one"?: string;
    /** Default de: "{count} Punkte"; en: "{count} points" */
    "loyalty.points.other"?: string;
    /** Default de: "Dein Punktestand"; en: "Your balance" */
    "loyalty.balance"?: string;
    /** Default de: "Stufe {tier}"; en: "{tier} tier" */
    "loyalty.tier"?: string;
    /** Default de: "Noch keine Stufe"; en: "No tier yet" */
    "loyalty.no_tier"?: string;
    /** Default de: "noch {remaining} bis {tier}"; en: "{remaining} to {tier}" */
    "loyalty.next"?: string;
    /** Default de: "Höchste Stufe erreicht"; en: "Top tier reached" */
    "loyalty.top"?: string;
    /** Default de: "Fortschritt zur nächsten Stufe"; en: "Progress to the next tier" */
    "loyalty.progress"?: string;
    /** Default de: "Mit diesem Warenkorb sammelst du {points}."; en: "You will earn {points} with this cart." */
    "loyalty.cart"?: string;
    /** Default de: "Mit diesem Warenkorb würdest du {points} sammeln."; en: "You would earn {points} with this cart." */
    "loyalty.cart_guest"?: string;
    /** Default de: "So sammelst du Punkte"; en: "Ways to earn" */
    "loyalty.earn"?: string;
    /** Default de: "{points} pro {amount} Einkaufswert"; en: "{points} per {amount} spent" */
    "loyalty.earn.purchase"?: string;
    /** Default de: "{points} Startbonus bei der Anmeldung"; en: "{points} welcome bonus when you join" */
    "loyalty.earn.start"?: string;
    /** Default de: "{points} zu deinem Geburtstag"; en: "{points} on your birthday" */
    "loyalty.earn.birthday"?: string;
    /** Default de: "Stufe {tier}: {bonus} % mehr Punkte – dafür {threshold} im Jahr sammeln"; en: "{tier} tier: {bonus}% more points – collect {threshold} a year to reach it" */
    "loyalty.earn.tier"?: string;
    /** Default de: "Prämien"; en: "Rewards" */
    "loyalty.rewards"?: string;
    /** Default de: "Einlösen"; en: "Redeem" */
    "loyalty.redeem"?: string;
    /** Default de: "Dir fehlen noch {points}"; en: "{points} to go" */
    "loyalty.missing"?: string;
    /** Default de: "„{reward}“ für {points} einlösen?"; en: "Redeem “{reward}” for {points}?" */
    "loyalty.confirm"?: string;
    /** Default de: "Ja, einlösen"; en: "Yes, redeem" */
    "loyalty.confirm_yes"?: string;
    /** Default de: "Abbrechen"; en: "Cancel" */
    "loyalty.cancel"?: string;
    /** Default de: "Wird eingelöst …"; en: "Redeeming …" */
    "loyalty.pending"?: string;
    /** Default de: "„{reward}“ eingelöst. Dein Gutscheincode:"; en: "“{reward}” redeemed. Your voucher code:" */
    "loyalty.redeemed"?: string;
    /** Default de: "Code kopieren"; en: "Copy code" */
    "loyalty.copy"?: string;
    /** Default de: "Kopiert"; en: "Copied" */
    "loyalty.copied"?: string;
    /** Default de: "Kopieren nicht möglich – bitte markiere den Code."; en: "Could not copy – please select the code." */
    "loyalty.copy_failed"?: string;
    /** Default de: "Das Einlösen hat gerade nicht geklappt. Versuche es noch einmal – es wird höchstens einmal eingelöst."; en: "Redeeming did not work just now. Try again – it is redeemed at most once." */
    "loyalty.redeem_failed"?: string;
    /** Default de: "Diese Prämie kann gerade nicht eingelöst werden."; en: "This reward cannot be redeemed right now." */
    "loyalty.refused"?: string;
    /** Default de: "Letzte Buchungen"; en: "Recent activity" */
    "loyalty.history"?: string;
    /** Default de: "Startbonus"; en: "Welcome bonus" */
    "loyalty.kind.start"?: string;
    /** Default de: "Einkauf"; en: "Purchase" */
    "loyalty.kind.purchase"?: string;
    /** Default de: "Geburtstagsbonus"; en: "Birthday bonus" */
    "loyalty.kind.birthday"?: string;
    /** Default de: "Eingelöst: {reward}"; en: "Redeemed: {reward}" */
    "loyalty.kind.redeem"?: string;
    /** Default de: "Korrektur"; en: "Adjustment" */
    "loyalty.kind.adjust"?: string;
  } };
  /** The free-shipping progress bar <sf-shipping-bar>. */
  shipping_bar?: {
    /** Tiers such as free shipping, then a free gift. At least one. */
    tiers: {
      /** Stable id, used in events and messages. */
      id: string;
      /** "free_shipping", "gift" or "other". */
      reward: "free_shipping" | "gift" | "other";
      /** Thresholds per currency, optionally per country. */
      thresholds: {
        /** ISO 4217 currency of the amount. */
        currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
        /** Only for this destination country (ISO 3166-1 alpha-2); omit for every country. */
        country?: string;
        /** Threshold in minor units (5000 = 50,00 €), not negative. */
        amount: number;
      }[];
    }[];
    /** Product ids that never count towards a threshold (gift cards, vouchers). */
    excluded_products?: string[];
    /** Which subtotal counts: "after_discounts" (default) or "before_discounts". */
    subtotal?: "after_discounts" | "before_discounts";
    /** Products suggested to close the gap. */
    suggestions?: {
      /** Where the products come from; its URL may contain {product} (a product id from the cart, for recommendations), {currency}, {language} and {locale}. Default with a "preset": the platform's product endpoint. */
      source?: {
        url?: string;
        /** The data itself, in the shape the map describes. */
        inline?: unknown;
        map?: {
          /** Pointer to currency; default "/currency". */
          currency?: string;
          /** Pointer to minor_unit; default "/minor_unit". */
          minor_unit?: string;
          /** Pointer to items; default "/products". */
          items?: string;
          /** Pointer to items.id; default "/id". */
          "items.id"?: string;
          /** Pointer to items.title; default "/title". */
          "items.title"?: string;
          /** Pointer to items.price; default "/price". */
          "items.price"?: string;
          /** Pointer to items.url; default "/url". */
          "items.url"?: string;
          /** Pointer to items.image; default "/image". */
          "items.image"?: string;
          /** Pointer to items.available; default "/available". */
          "items.available"?: string;
          /** Pointer to items.stock; default "/stock". */
          "items.stock"?: string;
        };
        /** How money appears in a backend response. */
        money?: "minor" | "decimal" | "cents" | "stated_minor";
        /** The response names no currency because its prices are in the shopper's session currency, as the cart's are (Shopify's Ajax API, Shopware's Store API): read them in the cart's currency. Default false: the list must state its currency at the "currency" pointer. */
        session_currency?: boolean;
      };
      /** How many to show (1 to 6, default 3). */
      max?: number;
    };
  };
  /** Social-proof badges <sf-social-proof product="…">. */
  social_proof?: {
    /** Where the numbers come from: a URL with {products} (comma-separated ids) and optionally {window}, {language}, {locale}; inline numbers are not allowed. */
    source: {
      url?: string;
      /** The data itself, in the shape the map describes. */
      inline?: unknown;
      map?: {
        /** Pointer to generated_at; default "/generated_at". */
        generated_at?: string;
        /** Pointer to window_minutes; default "/window_minutes". */
        window_minutes?: string;
        /** Pointer to products; default "/products". */
        products?: string;
        /** Pointer to products.id; default "/id". */
        "products.id"?: string;
        /** Pointer to products.purchases; default "/purchases". */
        "products.purchases"?: string;
        /** Pointer to products.carts; default "/carts". */
        "products.carts"?: string;
        /** Pointer to products.viewers; default "/viewers". */
        "products.viewers"?: string;
        /** Pointer to products.stock; default "/stock". */
        "products.stock"?: string;
        /** Pointer to products.rating_average; default "/rating/average". */
        "products.rating_average"?: string;
        /** Pointer to products.rating_count; default "/rating/count". */
        "products.rating_count"?: string;
        /** Pointer to products.bestseller_category; default "/bestseller/category". */
        "products.bestseller_category"?: string;
        /** Pointer to products.bestseller_rank; default "/bestseller/rank". */
        "products.bestseller_rank"?: string;
      };
      /** How money appears in a backend response. */
      money?: "minor" | "decimal" | "cents" | "stated_minor";
    };
    /** Window of the purchase and add-to-cart counts in minutes, sent as {window} (5 to 10080, default 1440 = 24 hours). The badge always names the window the backend answered with. */
    window_minutes?: number;
    /** Stats older than this are not shown at all (1 to 60 minutes, default 10): "looking at this right now" must not rest on old data. */
    max_age_minutes?: number;
    /** Refresh interval in seconds while the tab is visible (10 to 3599, default 60); must be shorter than max_age_minutes so badges are renewed before they go stale. */
    refresh_seconds?: number;
    /** At most this many badges per product (1 to 4, default 2). */
    max_badges?: number;
    /** Per-kind settings; omitted kinds use their defaults. */
    badges?: {
      /** Purchases in the window (default threshold 3, priority 1). */
      purchases?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
      /** Distinct visitors viewing now (default threshold 2, priority 3). */
      viewers?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
      /** Add-to-cart actions in the window (default threshold 5, priority 4). */
      carts?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
      /** Shown while 0 < stock <= threshold (default 5, priority 0). */
      low_stock?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
      /** Rating with at least threshold reviews (default 5, priority 2). */
      rating?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
      /** "Bestseller in …" for ranks up to threshold (default 1, priority 1). */
      bestseller?: {
        /** Whether this kind may show (default true). */
        enabled?: boolean;
        /** The kind's threshold (see the kind); omitted = the kind's default. */
        threshold?: number;
        /** Lower shows first (0 to 100); omitted = the kind's default. */
        priority?: number;
      };
    };
  };
  /** Self-service FAQ search <sf-faq>. */
  faq?: {
    /** Where the entries come from: a "url" (with {language} or {locale} for per-language lists) or "inline" entries, each {"id", "question", "answer", "category"?, "tags"?, "popularity"?, "lang"?}; a "map" of JSON pointers reads any other shape. */
    source: {
      url?: string;
      /** The data itself, in the shape the map describes. */
      inline?: unknown;
      map?: {
        /** Pointer to entries; default "/entries". */
        entries?: string;
        /** Pointer to entries.id; default "/id". */
        "entries.id"?: string;
        /** Pointer to entries.question; default "/question". */
        "entries.question"?: string;
        /** Pointer to entries.answer; default "/answer". */
        "entries.answer"?: string;
        /** Pointer to entries.category; default "/category". */
        "entries.category"?: string;
        /** Pointer to entries.tags; default "/tags". */
        "entries.tags"?: string;
        /** Pointer to entries.popularity; default "/popularity". */
        "entries.popularity"?: string;
        /** Pointer to entries.lang; default "/lang". */
        "entries.lang"?: string;
      };
      /** How money appears in a backend response. */
      money?: "minor" | "decimal" | "cents" | "stated_minor";
    };
    /** Entries to show when the source cannot be loaded (usually "inline"); without it the contact link is offered. */
    fallback?: {
      url?: string;
      /** The data itself, in the shape the map describes. */
      inline?: unknown;
      map?: {
        /** Pointer to entries; default "/entries". */
        entries?: string;
        /** Pointer to entries.id; default "/id". */
        "entries.id"?: string;
        /** Pointer to entries.question; default "/question". */
        "entries.question"?: string;
        /** Pointer to entries.answer; default "/answer". */
        "entries.answer"?: string;
        /** Pointer to entries.category; default "/category". */
        "entries.category"?: string;
        /** Pointer to entries.tags; default "/tags". */
        "entries.tags"?: string;
        /** Pointer to entries.popularity; default "/popularity". */
        "entries.popularity"?: string;
        /** Pointer to entries.lang; default "/lang". */
        "entries.lang"?: string;
      };
      /** How money appears in a backend response. */
      money?: "minor" | "decimal" | "cents" | "stated_minor";
    };
    /** Where shoppers can ask when nothing is found: a page such as "/kontakt", or a "mailto:" or "tel:" link. */
    contact?: string;
    /** "Was this helpful?" votes are POSTed here as {"entry_id", "helpful"}; omitted: no vote buttons. */
    feedback_url?: string;
    /** Searches that found nothing are POSTed here as {"query", "results", "locale"}, only after consent; omitted: nothing is logged. */
    search_log_url?: string;
    /** Groups of words that mean the same, e.g. [["Retoure", "Rücksendung", "Umtausch"]]; compared after folding and stemming. */
    synonyms?: string[][];
    /** Field weights for ranking (whole numbers 0 to 10). */
    weights?: {
      /** Question (0 to 10, default 3). */
      question?: number;
      /** Tags (0 to 10, default 2). */
      tags?: number;
      /** Answer (0 to 10, default 1). */
      answer?: number;
    };
    /** How many popular questions are shown before typing (0 to 20, default 5). */
    popular?: number;
    /** Results shown at most (1 to 50, default 8). */
    max_results?: number;
    /** Show the category filter when entries have categories (default true). */
    categories?: boolean;
    /** Heading level of an opened answer's question (2 to 6, default 2): one below the heading the widget sits under. */
    heading_level?: number;
  };
  /** Guided-selling product advisor <sf-advisor>. */
  advisor?: {
    /** Where the products come from and which of their fields the questions use. */
    catalogue: {
      /** Where the products come from. Default with a "preset": the platform's product list (WooCommerce, Shopware 6; Shopify's Ajax API has none). */
      source?: {
        url?: string;
        /** The data itself, in the shape the map describes. */
        inline?: unknown;
        map?: {
          /** Pointer to currency; default "/currency". */
          currency?: string;
          /** Pointer to minor_unit; default "/minor_unit". */
          minor_unit?: string;
          /** Pointer to items; default "/products". */
          items?: string;
          /** Pointer to items.id; default "/id". */
          "items.id"?: string;
          /** Pointer to items.title; default "/title". */
          "items.title"?: string;
          /** Pointer to items.price; default "/price". */
          "items.price"?: string;
          /** Pointer to items.url; default "/url". */
          "items.url"?: string;
          /** Pointer to items.image; default "/image". */
          "items.image"?: string;
          /** Pointer to items.available; default "/available". */
          "items.available"?: string;
          /** Pointer to items.stock; default "/stock". */
          "items.stock"?: string;
        };
        /** How money appears in a backend response. */
        money?: "minor" | "decimal" | "cents" | "stated_minor";
        /** The response names no currency because its prices are in the shopper's session currency, as the cart's are (Shopify's Ajax API, Shopware's Store API): read them in the cart's currency. Default false: the list must state its currency at the "currency" pointer. */
        session_currency?: boolean;
      };
      /** Attribute name → {"type": "number" | "text" | "tags" | "boolean", "pointer": "/…" (default "/<name>")}. "price" (minor units) is built in. */
      attributes: { [key: string]: {
        /** The type of a product attribute. */
        type: "number" | "text" | "tags" | "boolean";
        pointer?: string;
      } };
    };
    /** The questions, in the order they are asked. */
    questions: {
      id: string;
      /** The kind of a question. */
      type: "single" | "multiple" | "yes_no" | "range";
      text: string | { [key: string]: string };
      required?: boolean;
      weight?: number;
      priority?: number;
      /** Show the question only if an earlier question was answered with one of these options. */
      show_if?: {
        /** Id of an earlier question. */
        question: string;
        /** Option ids. */
        any_of: string[];
      };
      options?: {
        /** Stable id. */
        id: string;
        /** The option's text. */
        label: string | { [key: string]: string };
        /** What choosing it does: filters (no "weight") and boosts or penalties ("weight"). */
        effects?: {
          attribute: string;
          op: "=" | "in" | "<=" | ">=" | "contains";
          /** Number, text or true/false; an array for "in". */
          value: unknown;
          weight?: number;
          explain?: string | { [key: string]: string };
        }[];
      }[];
      attribute?: string;
      min?: number;
      max?: number;
      step?: number;
      explain?: string | { [key: string]: string };
    }[];
    /** Products out of stock: "last" (shown after the others, default) or "hide". */
    out_of_stock?: "hide" | "last";
    /** Results shown (1 to 12, default 3). */
    max_results?: number;
    /** POST {"product_id", "quantity"} here when a result is added to the cart; omitted: only the sf:add-to-cart event (the shop adds it). */
    add_to_cart_url?: string;
  };
  /** Loyalty points <sf-loyalty>. */
  loyalty?: {
    /** Where the programme comes from (rates per currency, excluded products, tiers, bonuses, rewards): a "url" with {language}, {locale}, {currency} and an optional "map"; default GET {backend.base_url}/loyalty/program?locale={language}&currency={currency}. Inline data is refused: checkout credits what the backend's programme says. */
    program?: {
      url?: string;
      /** The data itself, in the shape the map describes. */
      inline?: unknown;
      map?: {
        /** Pointer to rates; default "/rates". */
        rates?: string;
        /** Pointer to rates.currency; default "/currency". */
        "rates.currency"?: string;
        /** Pointer to rates.points; default "/points". */
        "rates.points"?: string;
        /** Pointer to rates.per_minor; default "/per_minor". */
        "rates.per_minor"?: string;
        /** Pointer to excluded_products; default "/excluded_products". */
        excluded_products?: string;
        /** Pointer to tiers; default "/tiers". */
        tiers?: string;
        /** Pointer to tiers.id; default "/id". */
        "tiers.id"?: string;
        /** Pointer to tiers.name; default "/name". */
        "tiers.name"?: string;
        /** Pointer to tiers.threshold; default "/threshold". */
        "tiers.threshold"?: string;
        /** Pointer to tiers.multiplier_percent; default "/multiplier_percent". */
        "tiers.multiplier_percent"?: string;
        /** Pointer to start_bonus; default "/start_bonus". */
        start_bonus?: string;
        /** Pointer to birthday_bonus; default "/birthday_bonus". */
        birthday_bonus?: string;
        /** Pointer to rewards; default "/rewards". */
        rewards?: string;
        /** Pointer to rewards.id; default "/id". */
        "rewards.id"?: string;
        /** Pointer to rewards.name; default "/name". */
        "rewards.name"?: string;
        /** Pointer to rewards.cost; default "/cost". */
        "rewards.cost"?: string;
        /** Pointer to min_redeem; default "/min_redeem". */
        min_redeem?: string;
      };
      /** How money appears in a backend response. */
      money?: "minor" | "decimal" | "cents" | "stated_minor";
    };
    /** The signed-in customer's points (sent with "Authorization: Bearer <token>" from setCustomer); default {backend.base_url}/loyalty/me?locale={language}&currency={currency}. */
    me_url?: string;
    /** Also ask me_url without a customer token (the shop's backend knows the customer from its session cookie, see backend.credentials); a 401 then means logged out. Default false: without setCustomer the widget shows the logged-out state without asking. */
    session?: boolean;
    /** Redemptions are POSTed here as {"reward_id"} with an Idempotency-Key; default {backend.base_url}/loyalty/redeem. */
    redeem_url?: string;
    /** Where logged-out shoppers join or sign in, e.g. "/konto.html" or "/konto.html?lang={language}" ({language} and {locale} are the page's); omitted: no link. The page it leads to shows no link to itself. */
    join_url?: string;
    /** "launcher" (a button that opens the panel as a dialog, default) or "inline" (the panel in the page); the element's display attribute overrides it. */
    display?: "launcher" | "inline";
  };
  /** Keys starting with "//" are comments. */
  [comment: `//${string}`]: unknown;
}

/** The `detail` of every `sf:*` event, by event name. */
export interface SchaufensterEventMap {
  /** A widget has its data (or its fallback) and is shown; once per mounted element. */
  "sf:ready": {
    /** Which widget. */
    widget: "config" | "shipping-bar" | "social-proof" | "faq" | "advisor" | "loyalty";
    /** social-proof: the element's product. */
    product?: string;
    /** faq: how many entries were loaded. */
    entries?: number;
    /** advisor: how many products the catalogue has. */
    products?: number;
    /** advisor: how many questions are configured. */
    questions?: number;
    /** loyalty: whether a customer is signed in. */
    signed_in?: boolean;
  };
  /** Something failed and a fallback is shown: the config (on document), a request, or data the mapping could not read. */
  "sf:error": {
    /** Which widget, or "config". */
    widget: "config" | "shipping-bar" | "social-proof" | "faq" | "advisor" | "loyalty";
    /** "config", "mapping", "stale", "bad-stats", "network", "timeout", "malformed-json" or "http-<status>". */
    kind: string;
    /** What went wrong, in English, for the developer console. */
    message: string;
    /** The request's URL, for request failures. */
    url?: string;
    /** social-proof: the element's product. */
    product?: string;
    /** config: the number of problems. */
    count?: number;
  };
  /** The cart changed (setCart, or the page announcing it); every cart-dependent widget reloads. */
  "sf:cart-changed": {
    /** Who changed it: "api" for setCart, "advisor" when the advisor added a product itself. */
    source?: string;
  };
  /** setCustomer was called; the token itself is never in the event. */
  "sf:customer-changed": {
    /** Whether a customer is set. */
    signed_in: boolean;
    /** The customer's id if the host gave one. */
    id: string | number | null;
  };
  /** Consent was granted (the configured event or grantConsent()); storage and analytics posts are allowed from now on. */
  "sf:consent-changed": {
    /** Always true: consent is only ever granted. */
    granted: boolean;
  };
  /** The shopper chose a product in a widget; the host page adds it to its cart. */
  "sf:add-to-cart": {
    /** Which widget. */
    widget: "config" | "shipping-bar" | "social-proof" | "faq" | "advisor" | "loyalty";
    /** The product. */
    product_id: string;
    /** How many. */
    quantity: number;
    /** Unit price in minor units (cents). */
    price: number;
    /** ISO 4217 code of the price. */
    currency: string;
    /** advisor: true when the widget already added it through `add_to_cart_url` (the page must not add it again). */
    added?: boolean;
  };
  /** A shipping-bar tier became reached by a cart change (not on the first load). */
  "sf:threshold-reached": {
    /** Always the shipping bar. */
    widget: "shipping-bar";
    /** The tier's id. */
    tier: string;
    /** Its threshold in minor units. */
    threshold: number;
    /** ISO 4217 code of the threshold. */
    currency: string;
  };
  /** The shopper paused typing in the FAQ search. */
  "sf:faq-search": {
    /** Always the FAQ. */
    widget: "faq";
    /** The query. */
    query: string;
    /** How many answers it found. */
    results: number;
  };
  /** An FAQ answer was opened. */
  "sf:faq-open": {
    /** Always the FAQ. */
    widget: "faq";
    /** The entry's id. */
    id: string;
  };
  /** The shopper answered "Was this helpful?". */
  "sf:faq-feedback": {
    /** Always the FAQ. */
    widget: "faq";
    /** The entry's id. */
    id: string;
    /** Yes or no. */
    helpful: boolean;
    /** Whether the backend stored it. */
    sent: boolean;
  };
  /** The shopper answered (or skipped) an advisor question. */
  "sf:advisor-answer": {
    /** Always the advisor. */
    widget: "advisor";
    /** The question's id. */
    question: string;
    /** The chosen option ids, the range, or null when skipped. */
    answer: string[] | { min: number | null; max: number | null } | null;
    /** Products matching every answer so far (0 when the advisor had to relax one). */
    matches: number;
  };
  /** The advisor showed its results. */
  "sf:advisor-result": {
    /** Always the advisor. */
    widget: "advisor";
    /** The products shown, best first, with their match percentage. */
    products: { id: string; percent: number }[];
    /** Ids of the questions whose answers were relaxed to find anything. */
    relaxed: string[];
    /** How many products were ranked. */
    total: number;
  };
  /** A reward was redeemed; the backend answered with the voucher code and the new balance. */
  "sf:redeem": {
    /** Always the loyalty widget. */
    widget: "loyalty";
    /** The reward. */
    reward_id: string;
    /** Its cost in points. */
    cost: number;
    /** The voucher code. */
    code: string;
    /** The balance after the redemption as the server reported it (null if it did not). */
    balance: number | null;
  };
}

/** The name of an `sf:*` event. */
export type SchaufensterEventName = keyof SchaufensterEventMap;

/** The events as the DOM types them (`CustomEvent<detail>`). */
export type SchaufensterDomEvents = { [K in SchaufensterEventName]: CustomEvent<SchaufensterEventMap[K]> };

declare global {
  interface DocumentEventMap extends SchaufensterDomEvents {}
  interface HTMLElementEventMap extends SchaufensterDomEvents {}
}
