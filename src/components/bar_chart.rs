//! A bar chart that is a table: screen readers read the rows, sighted people see the bars.

use dioxus::prelude::*;

/// A bar's width, as a percentage of the largest count (0 for an empty chart).
fn share(n: usize, max: usize) -> usize {
    (n * 100).checked_div(max).unwrap_or(0)
}

/// One row per `(label, count)`; `heading` names the labels' column and `unit` the
/// counts' column ("Ideas", "Entries").
#[component]
pub fn BarChart(
    id: String,
    caption: String,
    heading: String,
    unit: String,
    rows: Vec<(String, usize)>,
) -> Element {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    rsx! {
        table { class: "bar-chart", id: "{id}", "data-testid": "{id}",
            caption { "{caption}" }
            thead {
                tr {
                    th { scope: "col", "{heading}" }
                    th { scope: "col", "{unit}" }
                }
            }
            tbody {
                for (i, (label, n)) in rows.into_iter().enumerate() {
                    tr { key: "{i}",
                        th { scope: "row", "{label}" }
                        td {
                            div { class: "bar-cell",
                                span { class: "bar", aria_hidden: "true",
                                    style: "width: {share(n, max)}%",
                                }
                                span { class: "bar-count", "{n}" }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_bar_is_full_and_an_empty_chart_has_none() {
        assert_eq!(share(5, 10), 50);
        assert_eq!(share(10, 10), 100);
        assert_eq!(share(0, 0), 0);
    }
}
