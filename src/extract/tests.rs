//! One test per rule, each with its own examples. Documents here are short and
//! written for the rule; the gold corpus is scored separately (tests/extraction_gold.rs).

use super::*;

/// "kind province year comparator value unit [<- baseline@year]" for each finding.
fn rows(file: &str, text: &str) -> Vec<String> {
    extract(file, text)
        .into_iter()
        .map(|x| {
            let mut s = format!(
                "{} {} {} {} {} {}",
                x.kind.as_str(),
                x.province,
                x.year,
                x.comparator.symbol(),
                crate::util::format_value(x.value),
                x.unit
            );
            if let Some(b) = x.baseline {
                s.push_str(&format!(
                    " <- {}@{}",
                    crate::util::format_value(b.value),
                    b.year
                ));
            }
            s
        })
        .collect()
}

/// A one-paragraph report of Zhejiang for 2021.
fn zj(body: &str) -> Vec<String> {
    rows(
        "zj.txt",
        &format!(
            "Zhejiang Government Work Report 2021\n\nThe province will work hard.\n\n{body}\n"
        ),
    )
}

fn values(body: &str) -> Vec<String> {
    extract(
        "zj.txt",
        &format!("Zhejiang Government Work Report 2021\n\n{body}\n"),
    )
    .into_iter()
    .map(|x| format!("{} {}", crate::util::format_value(x.value), x.unit))
    .collect()
}

#[test]
fn numbers_with_multipliers_and_units() {
    assert_eq!(
        values(
            "GDP will exceed 8.5 trillion yuan, exports 100 billion yuan and 1.09 million newborns will be screened."
        ),
        vec![
            "8,500,000,000,000 yuan",
            "100,000,000,000 yuan",
            "1,090,000 count"
        ]
    );
    assert_eq!(
        values("Build 10,000 rental housing units."),
        vec!["10,000 count"]
    );
    assert_eq!(values("The rate will reach 3.67 percent."), vec!["3.67 %"]);
    assert_eq!(
        values("Foreign capital was US$65.6 billion."),
        vec!["65,600,000,000 usd"]
    );
    assert_eq!(
        values("Foreign capital was 15.8 billion US dollars."),
        vec!["15,800,000,000 usd"]
    );
    assert_eq!(
        values("Add 15 square kilometers of land and 1,000 kilometers of greenways."),
        vec!["15 sqkm", "1,000 km"]
    );
    assert_eq!(
        values("Urbanization rose by 1.02 percentage points."),
        vec!["1.02 pp"]
    );
    assert_eq!(
        values("The income gap narrowed to 1.96 times."),
        vec!["1.96 times"]
    );
    assert_eq!(values("The train ran 1,399 times."), vec!["1,399 count"]);
}

#[test]
fn fractions_and_word_numbers() {
    assert_eq!(
        values("Manufacturing will stay at about 1/3 of the GDP."),
        vec!["33.33 %"]
    );
    assert_eq!(
        values("Manufacturing will stay at about one third of the GDP."),
        vec!["33.33 %"]
    );
    assert_eq!(
        values("More than half of the projects are industrial."),
        vec!["50 %"]
    );
    assert_eq!(
        values("Approval time was cut to one working day."),
        vec!["1 days"]
    );
    // a streak is no figure
    assert!(values("Guangdong ranked first in the country for 35 consecutive years.").is_empty());
    assert!(values("Exports grew for 12 straight quarters.").is_empty());
    // word numbers that count things or name periods are not figures
    assert!(values("We completed three major battles and ten aspects of livelihood.").is_empty());
    assert!(
        values("Output reached a peak, the highest in five years, within two weeks.").is_empty()
    );
}

#[test]
fn a_decimal_broken_by_a_line_break() {
    // the issue's "4.\n8 percent" and a wire story's "grew by 5.\n5 percent"
    assert_eq!(
        zj("GDP grew by 4.\n8 percent in 2020."),
        vec!["actual Zhejiang 2020 = 4.8 %"]
    );
    assert_eq!(
        zj(
            "Its per capita disposable income grew by 5.\n5 percent in 2020, continuing to outperform the economy."
        ),
        vec!["actual Zhejiang 2020 = 5.5 %"]
    );
    // a line that ends with a year is not glued to the next
    assert_eq!(
        zj("The plan was set in 2020.\n5 percent of the funds will go to villages."),
        vec!["target Zhejiang 2021 = 5 %"]
    );
}

#[test]
fn ranges_keep_both_ends() {
    assert_eq!(
        zj("This year GDP will grow 6% to 7%."),
        vec!["target Zhejiang 2021 >= 6 %", "target Zhejiang 2021 <= 7 %"]
    );
    assert_eq!(
        zj("This year GDP growth will be 6-7%."),
        vec!["target Zhejiang 2021 >= 6 %", "target Zhejiang 2021 <= 7 %"]
    );
    assert_eq!(
        zj("This year GDP growth will be between 6 and 7 percent."),
        vec!["target Zhejiang 2021 >= 6 %", "target Zhejiang 2021 <= 7 %"]
    );
    // a cue before the range is of the whole range: its ends still bound it
    assert_eq!(
        zj("This year GDP will grow around 6.5-7 percent."),
        vec![
            "target Zhejiang 2021 >= 6.5 %",
            "target Zhejiang 2021 <= 7 %"
        ]
    );
    assert_eq!(
        zj("The province aims for GDP growth of about 6% to 6.5% this year."),
        vec![
            "target Zhejiang 2021 >= 6 %",
            "target Zhejiang 2021 <= 6.5 %"
        ]
    );
}

#[test]
fn amounts_written_as_one_adjective() {
    // "the 5-trillion-yuan mark", "4 trillion-yuan mark": still the amount, past the mark
    assert_eq!(
        zj(
            "Last year, GDP crossed the 5-trillion-yuan mark. Exports broke the 1-trillion-yuan mark."
        ),
        vec![
            "actual Zhejiang 2020 > 5,000,000,000,000 yuan",
            "actual Zhejiang 2020 > 1,000,000,000,000 yuan"
        ]
    );
    assert_eq!(
        zj("In 2020, GDP has broken 4 trillion-yuan mark."),
        vec!["actual Zhejiang 2020 > 4,000,000,000,000 yuan"]
    );
    // a compound adjective that is no amount is still no figure
    assert_eq!(
        zj("In 2020, 15-year loans were cheaper."),
        Vec::<String>::new()
    );
}

#[test]
fn verbs_of_passing_and_nearing_compare() {
    assert_eq!(
        zj(
            "In 2020, high-tech enterprises outnumbered 10,000, with GDP surpassing 6 trillion yuan for the first time."
        ),
        vec![
            "actual Zhejiang 2020 > 10,000 count",
            "actual Zhejiang 2020 > 6,000,000,000,000 yuan"
        ]
    );
    assert_eq!(
        zj(
            "In 2020, GDP is estimated to have neared 5 trillion yuan, nearing 90,000 yuan per person."
        ),
        vec![
            "actual Zhejiang 2020 ~ 5,000,000,000,000 yuan",
            "actual Zhejiang 2020 ~ 90,000 yuan"
        ]
    );
}

#[test]
fn the_same_period_of_a_year_compared_with_does_not_date() {
    // "compared to the same period last year" (no "of"), "over the same period of 2019"
    let h1 = |body: &str| {
        rows(
            "h.txt",
            &format!("Hubei sees growth in H1\n\nUpdated: Jul 19, 2021\n\n{body}\n"),
        )
    };
    assert_eq!(
        h1(
            "Hubei's GDP reached 2.2 trillion yuan, a growth of 4.7 percent compared to the same period last year. Exports rose 3 percent."
        ),
        vec![
            "actual Hubei 2021 = 2,200,000,000,000 yuan",
            "actual Hubei 2021 = 4.7 %",
            "actual Hubei 2021 = 3 %"
        ]
    );
    assert_eq!(
        h1(
            "Hubei's GDP grew 28.5 percent year on year and 3.7 percent over the same period of 2019. Farm output saw a 8.5-percent growth over the same period of 2019."
        ),
        vec![
            "actual Hubei 2021 = 28.5 %",
            "actual Hubei 2021 = 3.7 %",
            "actual Hubei 2021 = 8.5 %"
        ]
    );
}

#[test]
fn a_share_of_a_years_level_is_not_dated_by_it() {
    assert_eq!(
        zj("In 2020, GDP regained to above 95 percent of the previous year."),
        vec!["actual Zhejiang 2020 > 95 %"]
    );
    assert_eq!(
        zj("In 2020, tourism revenue recovered to 80% of last year."),
        vec!["actual Zhejiang 2020 = 80 %"]
    );
    // the start of a change is the level of that year
    assert_eq!(
        zj("In 2020, its share increased from 13.4% of the previous year to 14%."),
        vec![
            "actual Zhejiang 2020 = 14 % <- 13.4@2019",
            "actual Zhejiang 2019 = 13.4 %"
        ]
    );
}

#[test]
fn negative_and_down_by() {
    assert_eq!(
        values("Growth rebounded from -5.6% in the first quarter to 5.8% in the second."),
        vec!["5.8 %", "-5.6 %"]
    );
    let rows = zj("Last year, energy consumption per unit of GDP was down by 3.2 percent.");
    assert_eq!(rows, vec!["actual Zhejiang 2020 = 3.2 %"]);
}

#[test]
fn comparators() {
    let cases = [
        ("GDP will grow above 6.5% this year.", ">"),
        ("GDP will grow more than 6.5% this year.", ">"),
        ("GDP will grow over 6.5% this year.", ">"),
        ("GDP will exceed 8 trillion yuan this year.", ">"),
        ("GDP will grow at least 6.5% this year.", ">="),
        ("The rate will be no less than 35% this year.", ">="),
        ("The rate will be not lower than 35% this year.", ">="),
        ("Prices will rise about 3% this year.", "~"),
        ("Prices will rise around 3% this year.", "~"),
        ("Prices will rise approximately 3% this year.", "~"),
        ("Unemployment will be no more than 5.5% this year.", "<="),
        ("Unemployment will be kept within 5.5% this year.", "<="),
        ("Unemployment will not exceed 5.5% this year.", "<="),
        ("Unemployment will be below 5.5% this year.", "<"),
        ("Unemployment will be less than 5.5% this year.", "<"),
        ("Unemployment will reach 5.5% this year.", "="),
        ("GDP will grow 6.5% or more this year.", ">="),
        // a verb of ceiling with its object before "at"
        (
            "We aim to cap the urban surveyed jobless rate at 5.5% this year.",
            "<=",
        ),
        ("The deficit will be curbed at 3% this year.", "<="),
        ("We will keep the unemployment rate at 5.5% this year.", "="),
        // a threshold named after the figure, and verbs of breaking through
        (
            "GDP will break through the 9 trillion yuan mark this year.",
            ">",
        ),
        (
            "Exports will top the 3 trillion yuan threshold this year.",
            "=",
        ),
        (
            "Exports topped the 3 trillion yuan threshold this year.",
            ">",
        ),
        ("Retail sales will cross 4 trillion yuan this year.", "="),
        ("Retail sales crossed 4 trillion yuan this year.", ">"),
        // a word number keeps its comparator
        (
            "Energy use will stay under five billion tonnes this year.",
            "<",
        ),
    ];
    for (text, cmp) in cases {
        let x = extract("zj.txt", &format!("Zhejiang report 2021\n\n{text}\n"));
        assert_eq!(x.len(), 1, "{text}");
        assert_eq!(x[0].comparator.symbol(), cmp, "{text}");
    }
    // a conversion in brackets is the same amount with the same bound
    assert_eq!(
        zj("This year, GDP will exceed 2 trillion yuan ($290 billion)."),
        vec![
            "target Zhejiang 2021 > 2,000,000,000,000 yuan",
            "target Zhejiang 2021 > 290,000,000,000 usd"
        ]
    );
    // a coordinated list shares its comparator
    let r = zj(
        "By 2025, GDP and per capita GDP will exceed 8.5 trillion yuan and 130,000 yuan respectively.",
    );
    assert_eq!(
        r,
        vec![
            "target Zhejiang 2025 > 8,500,000,000,000 yuan",
            "target Zhejiang 2025 > 130,000 yuan"
        ]
    );
}

#[test]
fn from_x_to_y_gives_a_baseline() {
    assert_eq!(
        zj("By 2025, raise the number of physicians per 1,000 people from 3.67 to 4.3."),
        vec![
            "target Zhejiang 2025 = 4.3 per_1000 <- 3.67@2020",
            "actual Zhejiang 2020 = 3.67 per_1000"
        ]
    );
    assert_eq!(
        zj(
            "Over the past five years, revenue increased from 481 billion yuan in 2015 to 724.8 billion yuan."
        ),
        vec![
            "actual Zhejiang 2020 = 724,800,000,000 yuan <- 481,000,000,000@2015",
            "actual Zhejiang 2015 = 481,000,000,000 yuan"
        ]
    );
    // pairs in order with "respectively"
    assert_eq!(
        zj(
            "Last year satisfaction rose from 83.8% and 85.6% in the previous year to 85.9% and 87.8% respectively."
        ),
        vec![
            "actual Zhejiang 2020 = 85.9 % <- 83.8@2019",
            "actual Zhejiang 2019 = 83.8 %",
            "actual Zhejiang 2020 = 87.8 % <- 85.6@2019",
            "actual Zhejiang 2019 = 85.6 %"
        ]
    );
    // a word number can be a starting point, never a figure of its own
    assert_eq!(
        zj("Last year daily output increased from zero to 128,000."),
        vec!["actual Zhejiang 2020 = 128,000 count <- 0@2020"]
    );
}

#[test]
fn a_start_after_its_end() {
    // the words between the end and ", up from" belong to the end's phrase
    assert_eq!(
        zj(
            "The service sector will account for 56 percent of GDP by 2025, up from 50.5 percent in 2020."
        ),
        vec![
            "target Zhejiang 2025 = 56 % <- 50.5@2020",
            "actual Zhejiang 2020 = 50.5 %"
        ]
    );
    assert_eq!(
        zj(
            "Forest coverage will reach 61.5 percent of the land area by 2025, up from 61.2 percent in 2020."
        ),
        vec![
            "target Zhejiang 2025 = 61.5 % <- 61.2@2020",
            "actual Zhejiang 2020 = 61.2 %"
        ]
    );
    // and the label is the end's, not "up"
    let x = extract(
        "zj.txt",
        "Zhejiang Government Work Report 2021\n\nForest coverage will reach 61.5 percent by 2025, up from 61.2 percent in 2020.\n",
    );
    assert!(x.iter().all(|x| x.indicator == "Forest coverage"), "{x:?}");
    // a conversion in brackets is no second start: "from 67.7 trillion yuan ($10.4
    // trillion) last year to more than 92.7 trillion yuan"
    assert_eq!(
        zj(
            "GDP will rise from 6.46 trillion yuan ($1 trillion) last year to more than 8.5 trillion yuan in 2025."
        ),
        vec![
            "actual Zhejiang 2020 = 1,000,000,000,000 usd",
            "target Zhejiang 2025 > 8,500,000,000,000 yuan <- 6,460,000,000,000@2020",
            "actual Zhejiang 2020 = 6,460,000,000,000 yuan"
        ]
    );
}

#[test]
fn two_levels_of_one_measure_are_a_start_and_an_end() {
    // a plan table row
    assert_eq!(
        zj(
            "Regional GDP: 41.92 billion yuan in 2020; 67.5 billion yuan in 2025; an average annual growth rate of 10%."
        ),
        vec![
            "actual Zhejiang 2020 = 41,920,000,000 yuan",
            "target Zhejiang 2025 = 67,500,000,000 yuan <- 41,920,000,000@2020",
            "target Zhejiang 2025 = 10 %"
        ]
    );
    // a history, the later figure named by a verb of change
    assert_eq!(
        zj(
            "In 1949, the city's GDP was 33 million yuan, but by 2020 the figure had grown to 273.3 billion yuan."
        ),
        vec![
            "actual Zhejiang 1949 = 33,000,000 yuan",
            "actual Zhejiang 2020 = 273,300,000,000 yuan <- 33,000,000@1949"
        ]
    );
    // one year's growth is no baseline of the next, and figures listed together are not
    // a start and an end
    assert!(
        zj("GDP grew 6.1% in 2019 and 2.3% in 2020.")
            .iter()
            .all(|r| !r.contains("<-"))
    );
    assert!(
        zj("Exports surpassed 12 billion yuan and 13 billion yuan in 2019 and 2020 respectively.")
            .iter()
            .all(|r| !r.contains("<-"))
    );
}

#[test]
fn years_and_horizons() {
    let doc = "Zhejiang Government Work Report 2021\n\n\
        Last year, GDP grew 3.6%.\n\
        This year, GDP will grow more than 6.5%.\n\
        In 2021, we will create 800,000 urban jobs.\n\
        By 2025, the urbanization rate will reach 75%.\n\
        During the 14th Five-Year Plan period, R&D spending will grow 12% annually.\n\
        By 2035, forest coverage will reach 65%.\n\
        Over the past five years, GDP grew 6.5% a year on average.\n";
    let r = rows("zj.txt", doc);
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 3.6 %",
            "target Zhejiang 2021 > 6.5 %",
            "target Zhejiang 2021 = 800,000 count",
            "target Zhejiang 2025 = 75 %",
            "target Zhejiang 2025 = 12 %",
            "target Zhejiang 2035 = 65 %",
            "actual Zhejiang 2020 = 6.5 %",
        ]
    );
    let x = extract("zj.txt", doc);
    assert_eq!(
        x[4].period.map(|p| p.to_string()).as_deref(),
        Some("2021-2025")
    );
    assert_eq!(
        x[6].period.map(|p| p.to_string()).as_deref(),
        Some("2016-2020")
    );
}

#[test]
fn report_year_comes_from_the_document() {
    let (info, _) = extract_with_info("notes.txt", "Government Work Report 2023\n\nText.\n");
    assert_eq!(
        (info.report_year, info.report_year_source),
        (2023, "report title")
    );
    let (info, _) = extract_with_info(
        "hubei-2022-report.txt",
        "A long first line without any year in it.\n",
    );
    assert_eq!(info.report_year, 2022);
    let (info, _) = extract_with_info(
        "x.txt",
        "News text that is long enough not to be a title line at all, about many things and places.\nThis year is the first year of the 14th Five-Year Plan.\n",
    );
    assert_eq!(info.report_year, 2021);
}

#[test]
fn the_stated_year_wins_over_tense() {
    // a 2024 text saying "will" about 2023 reports an actual
    let r = rows(
        "liaoning-2024.txt",
        "Liaoning news 2024\n\nIn 2023, the GDP of Liaoning Province will exceed 3 trillion yuan.\n",
    );
    assert_eq!(r, vec!["actual Liaoning 2023 > 3,000,000,000,000 yuan"]);
    // a past tense about the plan horizon is still a target
    let r = rows(
        "central-2021.txt",
        "Opinions on the central region 2021\n\nBy 2025, the urbanization rate of the central region has increased by 1 percentage point.\n",
    );
    assert_eq!(r, vec!["target Central region 2025 = 1 pp"]);
}

#[test]
fn target_or_actual_in_the_report_year() {
    let r = rows(
        "sd-2024.txt",
        "Shandong meeting 2024\n\nShandong reported that 1,545 reserve projects were deepened. \
         Shandong will launch another 15 square kilometers of land.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Shandong 2024 = 1,545 count",
            "target Shandong 2024 = 15 sqkm"
        ]
    );
    // a figure "estimated at the beginning of the year" is a plan figure
    let r = zj(
        "Last year we cut costs by 480 billion yuan, 210 billion yuan more than the 270 billion yuan estimated at the beginning of the year.",
    );
    assert_eq!(r[2], "target Zhejiang 2020 = 270,000,000,000 yuan");
}

#[test]
fn not_figures() {
    let none = [
        "The 14th Five-Year Plan and the 19th Central Committee met on January 26, 2021.",
        "(1) Accelerate growth. 3.Important progress was made.",
        "We built 5G networks and fought COVID-19 and PM2.5 pollution.",
        "Five of the world's top 500 companies came, see Article 5 and Phase 2.",
        "The \"13 strategies\" and the \"Five-five Shopping Festival\" continued.",
        "Release date: [2021/7/27] Read total of [292] times",
        "Currently, more than 20 provinces have entered the two sessions.",
        "According to 86 I learned from reporters.",
        "Children under 3 years old get free care for a 15-year period.",
        "Five years into the implementation of the plan, the region thrives.",
        "Two years into the reform, the city changed.",
        // a span with its article: "during the six months", "throughout the 12 months"
        "During the six months, the city changed.",
        "Throughout the 12 months, the city thrived.",
    ];
    for text in none {
        let x = extract("zj.txt", &format!("Zhejiang report 2021\n\n{text}\n"));
        assert!(x.is_empty(), "{text}: {x:?}");
    }
}

#[test]
fn years_and_counts_are_told_apart() {
    assert_eq!(
        values("We sent 2018 medical workers in 17 groups."),
        vec!["2,018 count", "17 count"]
    );
    assert!(values("In 2018 we worked hard.").is_empty());
    assert!(values("The 2035 Long-Term Goals were set.").is_empty());
    // a quantifier after a year is no counted noun
    assert!(values("The leaders by GDP size 2018 all lowered their plans.").is_empty());
    assert!(values("The three leaders of 2022 both kept their plans.").is_empty());
    assert!(
        values("The Global Innovation Index 2023 published by WIPO ranked it second.").is_empty()
    );
    assert!(values("Its 2022 revised edition was adopted.").is_empty());
}

#[test]
fn roundup_attributes_each_sentence() {
    let doc = "Provinces set targets\n\n\
        Xinhua, Beijing, February 2 -- Provinces have released targets.\n\
        Guangdong aims for GDP growth of more than 5 percent in 2023, while Jiangsu set its target at above 5 percent.\n\
        Wuhan will build 50,000 units of affordable rental housing.\n\
        Shanxi also proposed to raise 100,000 rental housing units.\n\
        In 2023, there are plans to add 50 sports parks.\n\
        China's CPI will rise about 3 percent.\n";
    let r = rows("roundup-2023.txt", doc);
    assert_eq!(
        r,
        vec![
            "target Guangdong 2023 > 5 %",
            "target Jiangsu 2023 > 5 %",
            "target Hubei 2023 = 50,000 count",
            "target Shanxi 2023 = 100,000 count",
            "target Shanxi 2023 = 50 count",
            "target China 2023 ~ 3 %",
        ]
    );
    // a title about provinces keeps a text led by one of them a roundup
    let doc = "Regions unveil growth goals\n\nPub Date:2024-01-30\n\n\
        Guangdong aims for GDP growth of around 5 percent, and Guangdong will also build 100 parks. Guangdong's exports grew 2 percent last year.\n\
        Hunan targets growth of 6 percent.\n\
        Hebei set a target of 5.5 percent.\n";
    let (info, _) = extract_with_info("regions.txt", doc);
    assert_eq!(info.mode, Mode::Roundup);
}

#[test]
fn single_province_documents_keep_their_province() {
    let doc = "Report on the Work of the Government of Zhejiang Province 2021\n\n\
        We sent 2018 medical workers to help Wuhan, Hubei province. Zhejiang also built 62,600 5G base stations in Hangzhou.\n\
        The province's GDP reached 6.46 trillion yuan.\n";
    let r = rows("zj.txt", doc);
    assert!(r.iter().all(|x| x.contains("Zhejiang")), "{r:?}");
}

#[test]
fn captions_are_skipped() {
    let doc = "Provinces news 2021\n\nData map: 500 tourists in Longyan, Fujian bought goods.\n\nPhoto by Zhang Bin\n\nShanghai plans to build 80 fitness trails in 2021.\n";
    assert_eq!(
        rows("news-2021.txt", doc),
        vec!["target Shanghai 2021 = 80 count"]
    );
}

#[test]
fn captions_signed_by_an_agency_are_skipped() {
    // The caption names a province only in passing; the text is national.
    let doc = "China sets its goals for the year\n\nBeijing, March 13, 2021\n\n\
        Farmers harvest oranges in Ganzhou, Jiangxi Province, February 14, 2021. /CFP\n\n\
        China will keep the surveyed urban unemployment rate within 5.5 percent.\n\n\
        A worker checks a production line in Hefei, Anhui Province, Jan. 5, 2021, where 300 robots run. (Xinhua/Zhou Mu)\n";
    assert_eq!(
        rows("news-2021.txt", doc),
        vec!["target China 2021 <= 5.5 %"]
    );
    // a sentence with a slash is still read
    assert_eq!(
        values("Output of Xinhua/Reuters joint ventures will reach 300 units in 2025."),
        vec!["300 count"]
    );
}

#[test]
fn national_documents_are_china() {
    let doc = "Report on the Work of the Government 2024\n\nLi Qiang, Premier of the State Council\n\n\
        The main targets for this year are: GDP growth of around 5 percent; over 12 million new urban jobs; \
        a drop of around 2.5 percent in energy consumption per unit of GDP.\n";
    let x = extract("national-2024.txt", doc);
    let got: Vec<(String, String, Option<String>)> = x
        .iter()
        .map(|x| {
            (
                x.province.clone(),
                x.indicator.clone(),
                x.indicator_key.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "China".into(),
                "GDP growth".into(),
                Some("gdp_growth".into())
            ),
            (
                "China".into(),
                "new urban jobs".into(),
                Some("new_urban_jobs".into())
            ),
            (
                "China".into(),
                "energy consumption per unit of GDP decline".into(),
                Some("energy_intensity_decline".into())
            ),
        ]
    );
}

#[test]
fn indicator_labels_and_keys() {
    let cases = [
        (
            "This year, make GDP grow more than 6.5%.",
            "GDP growth",
            Some("gdp_growth"),
        ),
        (
            "Last year, the province's GDP reached 6461.3 billion yuan.",
            "GDP",
            Some("gdp"),
        ),
        (
            "This year, R&D expenditures account for 2.9% of the GDP.",
            "R&D expenditures share of GDP",
            Some("rd_intensity"),
        ),
        (
            "This year, control the increase in consumer prices at about 3%.",
            "increase in consumer prices",
            Some("cpi"),
        ),
        (
            "This year, create 800,000 urban jobs.",
            "urban jobs",
            Some("new_urban_jobs"),
        ),
        (
            "This year, keep the urban surveyed unemployment rate at about 5.5%.",
            "urban surveyed unemployment rate",
            Some("surveyed_unemployment"),
        ),
        (
            "By 2025, the forest coverage rate will reach 61.5%.",
            "forest coverage rate",
            Some("forest_coverage"),
        ),
        (
            "Last year, we reduced the burden of enterprises by 480 billion yuan.",
            "burden of enterprises reduction",
            None,
        ),
        (
            "Last year, the daily output of masks increased from 155,000 to 10 million.",
            "daily output of masks",
            None,
        ),
        // a passive verb after a modal is the complement, its subject the name
        (
            "Consumer price increases will be controlled within 3% this year.",
            "Consumer price increases",
            Some("cpi"),
        ),
        (
            "This year, energy consumption per unit of GDP will be reduced by 3%.",
            "energy consumption per unit of GDP decline",
            Some("energy_intensity_decline"),
        ),
        (
            "This year, the CPI increase will be kept at around 3%.",
            "CPI increase",
            Some("cpi"),
        ),
        // a year between the subject and its verb dates the figure, it does not name it
        (
            "Retail sales in 2021 are expected to grow by 8%.",
            "Retail sales growth",
            Some("retail_sales_growth"),
        ),
        (
            "The incomes of urban residents this year will grow by 8%.",
            "incomes of urban residents growth",
            None,
        ),
        // the change named after the figure, what changes after that
        (
            "Goals for 2021 include a 10% increase in total retail sales of consumer goods.",
            "total retail sales of consumer goods growth",
            Some("retail_sales_growth"),
        ),
        (
            "This year's plan foresees a 6% rise in fixed-asset investment.",
            "fixed-asset investment growth",
            Some("fixed_asset_investment_growth"),
        ),
        // a ceiling verb is not part of the name, and "jobless" is unemployment
        (
            "This year, cap the urban surveyed jobless rate at 5.5%.",
            "urban surveyed jobless rate",
            Some("surveyed_unemployment"),
        ),
    ];
    for (text, label, key) in cases {
        let x = extract(
            "zj.txt",
            &format!("Zhejiang Government Work Report 2021\n\n{text}\n"),
        );
        assert!(!x.is_empty(), "{text}");
        assert_eq!(x[0].indicator, label, "{text}");
        assert_eq!(x[0].indicator_key.as_deref(), key, "{text}");
    }
}

#[test]
fn a_verb_of_change_alone_names_nothing() {
    let x = extract(
        "zj.txt",
        "Zhejiang report 2021\n\nIn 1949, per capita GDP was only 47 yuan and had risen to 73,042 yuan by 2020.\nIn 1949, the GDP was 33 million yuan, but by 2020 the figure had grown to 273 billion yuan.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec!["per capita GDP", "per capita GDP", "GDP", "GDP"]
    );
    // with no figure before, the subject before the auxiliary
    let x = extract(
        "zj.txt",
        "Zhejiang report 2021\n\nThe intensity of R&D expenditure in Zhejiang has risen from 2.81% in 2018 to 3.34% in 2020.\nThe total foreign trade volume had grown to 3.38 trillion yuan by 2020.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "intensity of R&D expenditure",
            "intensity of R&D expenditure",
            "total foreign trade volume"
        ]
    );
    // the second figure of a list is of the same measure, growth and all
    let x = extract(
        "zj.txt",
        "Zhejiang report 2021\n\nThis year, the incomes of urban and rural residents are expected to grow by over 8% and 10%, respectively.\n",
    );
    assert!(
        x.iter()
            .all(|x| x.indicator == "incomes of urban and rural residents growth"),
        "{x:?}"
    );
}

#[test]
fn one_figure_for_two_indicators() {
    let x = extract(
        "zj.txt",
        "Zhejiang report 2021\n\nLast year, we reduced both the number of accidents and the death toll by 22%.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec!["number of accidents decline", "death toll decline"]
    );
}

#[test]
fn spans_point_into_the_original_text() {
    let doc = "Zhejiang report 2021\n\n  The rate is “not less than 78\u{a0}%” this year; GDP will exceed 8.5 trillion yuan.\n";
    for x in extract("zj.txt", doc) {
        let q = &doc[x.sentence.start..x.sentence.end];
        let n = &doc[x.number.start..x.number.end];
        assert!(q.contains(n), "{q} / {n}");
        assert!(x.sentence.start <= x.number.start && x.number.end <= x.sentence.end);
    }
}

#[test]
fn bullet_lists_are_read() {
    let r = rows(
        "national-2021.txt",
        "Report on the Work of the Government 2021\n\nThe main targets for this year are:\n• GDP growth of over 6 percent\n• over 11 million new urban jobs\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2021 > 6 %",
            "target China 2021 > 11,000,000 count"
        ]
    );
}

#[test]
fn a_list_introduced_as_targets_and_unit_definitions() {
    let r = rows(
        "h.txt",
        "Henan plan\n\nPublished:2021-04-30\n\nAccording to the Plan, the main targets are as follows: GDP grows by more than 7 percent, and grain output remains at over 130 billion jin (1 jin equals to 0.5 kg).\n",
    );
    assert_eq!(
        r,
        vec![
            "target Henan 2021 > 7 %",
            "target Henan 2021 > 130,000,000,000 jin"
        ]
    );
    let r = rows(
        "s.txt",
        "Shaanxi report\n\nPublished:2022-01-20\n\nThe goals for this year: retail sales rise 6 percent. Farmland reached 40 million mu last year (1 mu is about 667 square meters).\n",
    );
    assert_eq!(
        r,
        vec![
            "target Shaanxi 2022 = 6 %",
            "actual Shaanxi 2021 = 40,000,000 mu"
        ]
    );
}

#[test]
fn label_colon_value_lines_under_a_year_heading() {
    let x = extract(
        "b.txt",
        "2019 Baotou Government Work Report\n\nUpdated: Apr 25, 2019\n\n2018 achievements\n\nAnnual GDP growth rate: 6.8 percent\n\nAnnual grain output: 1.1 million tons\n",
    );
    let got: Vec<String> = x
        .iter()
        .map(|x| format!("{} {} {} {}", x.kind.as_str(), x.year, x.indicator, x.value))
        .collect();
    assert_eq!(
        got,
        vec![
            "actual 2018 Annual GDP growth rate 6.8",
            "actual 2018 Annual grain output 1100000"
        ]
    );
    let x = extract(
        "q.txt",
        "Qingdao economy\n\nPub Date:2023-01-20\n\n2022 highlights\n\nRetail sales: up by 4.5 percent\n\nForeign trade: 900 billion yuan\n",
    );
    let got: Vec<String> = x
        .iter()
        .map(|x| format!("{} {} {} {}", x.kind.as_str(), x.year, x.indicator, x.value))
        .collect();
    assert_eq!(
        got,
        vec![
            "actual 2022 Retail sales growth 4.5",
            "actual 2022 Foreign trade 900000000000"
        ]
    );
}

#[test]
fn coordinated_subjects_state_a_figure_for_each() {
    let doc = "Provinces set growth targets\n\nXinhua, Beijing, February 2 -- Provinces released targets.\n\
        Hainan aims for more than 10 percent growth, while Jiangxi and Sichuan both set targets of above 8 percent.\n\
        Shanghai and Beijing expect growth of 6 percent and 6.5 percent respectively this year.\n";
    assert_eq!(
        rows("roundup-2021.txt", doc),
        vec![
            "target Hainan 2021 > 10 %",
            "target Jiangxi 2021 > 8 %",
            "target Sichuan 2021 > 8 %",
            "target Shanghai 2021 = 6 %",
            "target Beijing 2021 = 6.5 %",
        ]
    );
}

#[test]
fn a_time_phrase_after_a_figure_dates_its_clause() {
    let doc = "Provinces news 2021\n\nXinhua, Beijing, February 2 -- Targets.\n\
        Its GDP reached 11.08 trillion yuan last year, up 2.3 percent year-on-year.\n";
    let r = rows("news-2021.txt", doc);
    assert_eq!(
        r,
        vec![
            "actual China 2020 = 11,080,000,000,000 yuan",
            "actual China 2020 = 2.3 %"
        ]
    );
}

#[test]
fn hyphenated_fractions() {
    assert_eq!(
        values("By 2025, about one-third of new vehicles sold will be electric."),
        vec!["33.33 %"]
    );
    assert_eq!(
        values("By 2025, two-thirds of counties will be covered."),
        vec!["66.67 %"]
    );
    // fifths to tenths, never the ordinals
    assert_eq!(
        values("The region generated approximately one-ninth of China's GDP."),
        vec!["11.11 %"]
    );
    assert_eq!(
        values("By 2025, two-fifths of the farmland will be high-standard."),
        vec!["40 %"]
    );
    assert!(values("The fifth plenary session of the tenth committee opened.").is_empty());
}

#[test]
fn a_later_time_phrase_does_not_reach_across_another_figure() {
    let doc = "Cities set targets\n\nBEIJING, Jan. 18 (Xinhua) -- Targets for 2023.\n\
        Shenzhen set its GDP growth target at around 6 percent, after its economy expanded 3.3 percent in 2022.\n";
    assert_eq!(
        rows("xinhua-2023.txt", doc),
        vec![
            "target Guangdong 2023 ~ 6 %",
            "actual Guangdong 2022 = 3.3 %"
        ]
    );
}

#[test]
fn list_and_table_lines_are_read_and_headline_repeats_dropped() {
    // a highlights list without full stops, under a dated section heading
    let r = rows(
        "hl.txt",
        "Highlights of the 2024 Report on the Work of the Hunan Provincial Government\n\nI. A Review of the Work in 2023\n\nProvincial GDP was up by 4.6%\n\nRetail sales were up by 6.1%\n",
    );
    assert_eq!(
        r,
        vec!["actual Hunan 2023 = 4.6 %", "actual Hunan 2023 = 6.1 %"]
    );
    // a table of cities under its heading
    let r = rows(
        "t.txt",
        "Jiangxi cities publish their data\n\nPub Date:2023-02-10\n\nThe cities of Jiangxi released their figures.\n\n2022 GDP growth of cities in Jiangxi:\n\nNanchang 4.1%\n\nGanzhou 5.2%\n",
    );
    assert_eq!(
        r,
        vec!["actual Jiangxi 2022 = 4.1 %", "actual Jiangxi 2022 = 5.2 %"]
    );
    // the headline's figure is the body's, stated once
    let r = rows(
        "h.txt",
        "Yunnan sets GDP growth target at over 5%\n\nPub Date:2024-01-25\n\nYunnan has set a GDP growth target of above 5 percent this year, the governor said.\n",
    );
    assert_eq!(r, vec!["target Yunnan 2024 > 5 %"]);
}

#[test]
fn an_outcome_without_a_year_reports_on_the_year_of_the_outcomes_before_it() {
    let r = rows(
        "qd.txt",
        "Primary info of 2019 Weifang Government Work Report\n\nAccording to the report, Weifang's economy in 2018 saw steady growth. Its GDP was estimated to rise by 6.5 percent.\n\nThe general public budget revenue reached 57.1 billion yuan.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Shandong 2018 = 6.5 %",
            "actual Shandong 2018 = 57,100,000,000 yuan"
        ]
    );
    // the latest year stated, not the base year of a comparison
    let r = rows(
        "ne.txt",
        "Northeast figures\n\nPub Date:2018-01-30\n\nLiaoning grew 4.2 percent in 2017 after 2.5 percent in 2016. Liaoning's retail sales grew 2.9 percent.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Liaoning 2017 = 4.2 %",
            "actual Liaoning 2016 = 2.5 %",
            "actual Liaoning 2017 = 2.9 %"
        ]
    );
}

#[test]
fn present_states_are_outcomes() {
    let r = rows(
        "p.txt",
        "Guangxi plan facts 2016\n\nGuangxi will add 3 gigawatts of wind power by 2020. Currently, 2.1 gigawatts are installed.\n\nAt present, 45 ports are open.\n",
    );
    assert_eq!(
        r,
        vec![
            "target Guangxi 2020 = 3 gw",
            "actual Guangxi 2016 = 2.1 gw",
            "actual Guangxi 2016 = 45 count"
        ]
    );
}

#[test]
fn last_years_figure_is_of_last_year() {
    // "over last year's 6.5 percent" compares with a figure, and the figure is last year's
    assert_eq!(
        rows(
            "j.txt",
            "Jilin Government Work Report 2016\n\nThe governor spoke of keeping GDP growth at around 7 percent this year, a slight increase over last year's 6.5 percent.\n",
        ),
        vec!["target Jilin 2016 ~ 7 %", "actual Jilin 2015 = 6.5 %"]
    );
    assert_eq!(
        rows(
            "h.txt",
            "Hunan Government Work Report 2024\n\nExports are expected to rise 3 percent this year, up from the previous year's 1.2 percent.\n",
        ),
        vec![
            "target Hunan 2024 = 3 % <- 1.2@2023",
            "actual Hunan 2023 = 1.2 %"
        ]
    );
}

#[test]
fn past_targets_restated_are_targets_of_their_year() {
    let r = rows(
        "n.txt",
        "China Sets 2020 Growth Target\n\nPub Date:2020-05-22\n\nThe government aims for growth of about 6 percent in 2020, compared with last year's goal of around 6.5 percent. The deficit is above the 2.8% target in 2019.\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2020 ~ 6 %",
            "target China 2019 ~ 6.5 %",
            "target China 2019 = 2.8 %"
        ]
    );
    let r = rows(
        "m.txt",
        "Targets met\n\nAdded On June 2, 2021\n\nThe 2020 report aimed to create more than 9 million urban jobs. Some 11.86 million urban jobs were created.\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2020 > 9,000,000 count",
            "actual China 2020 ~ 11,860,000 count"
        ]
    );
    // a target revised "from X": X is the old target, of the year before
    let r = rows(
        "p.txt",
        "Provinces set targets\n\nPub Date:2019-02-18\n\nGuangdong, Jiangsu and Shandong all lowered their growth targets for 2019, from 7 percent to between 6 and 6.5 percent, to above 6.5 percent, and to around 6.4 percent, respectively. Hubei set 7.5 percent.\n",
    );
    assert_eq!(
        r,
        vec![
            "target Guangdong 2018 = 7 %",
            "target Jiangsu 2018 = 7 %",
            "target Shandong 2018 = 7 %",
            "target Guangdong 2019 >= 6 %",
            "target Guangdong 2019 <= 6.5 %",
            "target Jiangsu 2019 > 6.5 %",
            "target Shandong 2019 ~ 6.4 %",
            "target Hubei 2019 = 7.5 %"
        ]
    );
    let r = rows(
        "b.txt",
        "Beijing Government Work Report 2019\n\nPub Date:2019-01-15\n\nThe city cut its growth target from 6.5 percent to 6 percent.\n",
    );
    assert_eq!(
        r,
        vec![
            "target Beijing 2019 = 6 % <- 6.5@2018",
            "target Beijing 2018 = 6.5 %"
        ]
    );
}

#[test]
fn datelines_and_locators_do_not_decide_the_scope() {
    let (info, _) = extract_with_info(
        "d.txt",
        "Facts about the plan\n\nBEIJING: China on Saturday published its plan. China's economy will grow 6 percent. The country will add jobs.\n",
    );
    assert_eq!(info.mode, Mode::National);
    let (info, _) = extract_with_info(
        "l.txt",
        "Ordos sets targets\n\nOrdos, a city in North China's Inner Mongolia autonomous region, will grow 7 percent. The city will add 40,000 jobs.\n",
    );
    assert_eq!(info.mode, Mode::Single("Inner Mongolia".into()));
}

#[test]
fn the_venue_of_an_event_does_not_decide_the_scope() {
    let (info, _) = extract_with_info(
        "v.txt",
        "China's economy in 2021\n\nThe briefing was held in Beijing. China's economy grew 8.1 percent in 2021.\n",
    );
    assert_eq!(info.mode, Mode::National);
    let (info, _) = extract_with_info(
        "v.txt",
        "Key figures in China's government work report\n\nThe premier delivered the report at the opening meeting in Beijing on Sunday. China's GDP grew 3 percent.\n",
    );
    assert_eq!(info.mode, Mode::National);
    // a place the text is about stays: "in Beijing, retail sales rose"
    let (info, _) = extract_with_info(
        "v.txt",
        "Capital economy\n\nIn Beijing, retail sales rose 5 percent. Beijing's GDP grew 5.2 percent.\n",
    );
    assert_eq!(info.mode, Mode::Single("Beijing".into()));
}

/// A roundup dated 2021-01-30 (Xinhua style).
/// A roundup's rows for `body`, after two sentences about other provinces that make the
/// text a roundup.
fn after_two_provinces(body: &str) -> Vec<String> {
    let mut r = roundup(&format!(
        "Jiangsu aims for 6 percent. Hebei aims for 5 percent. {body}"
    ));
    r.drain(..2);
    r
}

fn roundup(body: &str) -> Vec<String> {
    rows(
        "r.txt",
        &format!("Provinces set growth targets\n\nPub Date:2021-01-30\n\n{body}\n"),
    )
}

#[test]
fn asides_relative_clauses_and_appositions_do_not_own_figures() {
    assert_eq!(
        roundup(
            "Jiangsu and Zhejiang set targets. However, regional growth varied, with Hunan growing 3.8% last year and Tianjin, near Beijing, managing a 1.5% expansion."
        ),
        vec!["actual Hunan 2020 = 3.8 %", "actual Tianjin 2020 = 1.5 %"]
    );
    assert_eq!(
        roundup(
            "Shaanxi and Gansu set targets. That beat only Jilin, in the rust belt, which grew around 2.4% last year. Guangdong, the country's largest provincial economy, set its target at above 6 percent."
        ),
        vec!["actual Jilin 2020 ~ 2.4 %", "target Guangdong 2021 > 6 %"]
    );
}

#[test]
fn the_countrys_own_figure_in_a_provincial_text() {
    let r = rows(
        "x.txt",
        "Xinjiang economy\n\nPub Date:2023-07-27\n\nXinjiang's GDP grew 5.1 percent in the first half of 2023, above the national average of 5.5 percent. Industrial output rose 5.2 percent, which exceeded the country's average growth rate by 1.4 percentage points.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Xinjiang 2023 = 5.1 %",
            "actual China 2023 = 5.5 %",
            "actual Xinjiang 2023 = 5.2 %",
            "actual Xinjiang 2023 = 1.4 pp"
        ]
    );
}

#[test]
fn the_countrys_figure_right_after_it_even_in_a_comparison() {
    for (s, want) in [
        (
            "Liaoning's GDP grew by 4.2 percent in 2017, lagging behind the national growth rate of 6.9 percent.",
            ["actual Liaoning 2017 = 4.2 %", "actual China 2017 = 6.9 %"],
        ),
        (
            "Jilin's GDP grew 5.3 percent in 2017, lower than the national average of 6.9 percent.",
            ["actual Jilin 2017 = 5.3 %", "actual China 2017 = 6.9 %"],
        ),
    ] {
        let prov = if s.starts_with("Jilin") {
            "Jilin"
        } else {
            "Liaoning"
        };
        let doc = format!("{prov} economy\n\nPub Date:2018-01-29\n\n{s}\n");
        assert_eq!(rows("x.txt", &doc), want, "{s}");
    }
}

#[test]
fn a_count_of_periods_after_a_word_of_span_is_a_span() {
    for s in [
        "The growth was the fastest in the past 17 quarters.",
        "Output will stay stable over the next 10 weeks.",
    ] {
        assert!(values(s).is_empty(), "{s}");
    }
}

#[test]
fn the_capital_as_the_government_in_a_national_text() {
    let r = rows(
        "n.txt",
        "China Sets 2021 GDP Growth Target\n\nPub Date:2021-03-05\n\nBEIJING--Premier Li said China aims for growth above 6% in 2021. Beijing aims to keep consumer-price inflation at around 3% in 2021, and Beijing pledged to cut the deficit ratio to around 3.2%.\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2021 > 6 %",
            "target China 2021 ~ 3 %",
            "target China 2021 ~ 3.2 %"
        ]
    );
}

#[test]
fn member_provinces_of_a_regional_text() {
    let r = rows(
        "y.txt",
        "Yangtze River Delta integration\n\nPub Date:2024-12-04\n\nThe Yangtze River Delta's combined GDP exceeded 30 trillion yuan last year. The GDP of both Jiangsu and Zhejiang rose 5.8 percent last year. Anhui's GDP reached 4.7 trillion yuan last year.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Yangtze River Delta 2023 > 30,000,000,000,000 yuan",
            "actual Jiangsu 2023 = 5.8 %",
            "actual Zhejiang 2023 = 5.8 %",
            "actual Anhui 2023 = 4,700,000,000,000 yuan"
        ]
    );
}

#[test]
fn a_list_of_members_or_the_texts_word_for_itself_is_not_carried() {
    // the region's members listed in an apposition: the next "Its" is the region's
    let r = rows(
        "y.txt",
        "Yangtze River Delta plan\n\nPub Date:2019-12-02\n\nThe plan covers the Yangtze River Delta, which embraces Shanghai and the provinces of Jiangsu, Zhejiang and Anhui. Its high-tech industries should make up 18 percent of output by 2025.\n",
    );
    assert_eq!(r, vec!["target Yangtze River Delta 2025 = 18 %"]);
    let r = rows(
        "j.txt",
        "Beijing-Tianjin-Hebei coordinated development\n\nPub Date:2023-02-24\n\nTianjin added new links last year, and the region's GDP grew 5 percent in 2022. It will grow 6 percent in 2023.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Beijing-Tianjin-Hebei 2022 = 5 %",
            "target Beijing-Tianjin-Hebei 2023 = 6 %"
        ]
    );
}

#[test]
fn the_only_place_named_is_the_documents() {
    let (info, _) = extract_with_info(
        "d.txt",
        "Main Goals during the 14th Five-Year Plan\n\nRegional GDP: 41.9 billion yuan in 2020.\n\nYueyang will build a modern logistics system.\n",
    );
    assert_eq!(info.mode, Mode::Single("Hunan".into()));
    let (info, _) = extract_with_info(
        "e.txt",
        "Outline of the plan\n\nRetail sales: 32 billion yuan in 2020.\n\nZunyi will build 20 new schools by 2025.\n",
    );
    assert_eq!(info.mode, Mode::Single("Guizhou".into()));
}

#[test]
fn comparison_bases_are_not_dates() {
    let r = zj(
        "In 2020, the digital economy accounted for 10% of GDP, up two percentage points from 2019, and output was 1.5 times that of 2015.",
    );
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 10 %",
            "actual Zhejiang 2020 = 2 pp",
            "actual Zhejiang 2020 = 1.5 times"
        ]
    );
    // "the same as (that of) last year" compares the target with last year's
    let r = rows(
        "t.txt",
        "Provinces set targets\n\nPub Date:2019-02-18\n\nTibet aims to achieve a GDP growth rate of around 10 percent, the same as that of last year. Hunan set a growth target of 8 percent, the same as last year. Hubei targets growth of 7.5 percent.\n",
    );
    assert_eq!(
        r,
        vec![
            "target Tibet 2019 ~ 10 %",
            "target Hunan 2019 = 8 %",
            "target Hubei 2019 = 7.5 %"
        ]
    );
    let r = zj(
        "In 2020, fiscal revenue grew three percentage points faster than in 2019, and reached 20,000 times the 1953 figure.",
    );
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 3 pp",
            "actual Zhejiang 2020 = 20,000 times"
        ]
    );
}

#[test]
fn a_bracketed_conversion_shares_its_figures_time() {
    let r = rows(
        "t.txt",
        "Tibet economy\n\nPub Date:2023-01-13\n\nTibet's GDP is estimated at 216.5 billion yuan (US$32.2 billion) for 2022. The region's retail sales exceeded 80 billion yuan ($11.8 billion) last year.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Tibet 2022 = 216,500,000,000 yuan",
            "actual Tibet 2022 = 32,200,000,000 usd",
            "actual Tibet 2022 > 80,000,000,000 yuan",
            // and its bound ("exceeded 10 trillion yuan ($1.4 trillion)" is > in both)
            "actual Tibet 2022 > 11,800,000,000 usd"
        ]
    );
}

#[test]
fn a_plan_documents_targets_are_for_the_end_of_the_plan() {
    let r = rows(
        "p.txt",
        "Facts about China's 2021-2025 development plan\n\nChina published the draft of its 14th Five-Year Plan.\n\n1. To grow the economy by an average of 5 percent a year over the period.\n\n2. To build at least 20 new airports.\n",
    );
    assert_eq!(
        r,
        vec!["target China 2025 = 5 %", "target China 2025 >= 20 count"]
    );
    let x = extract(
        "p.txt",
        "Facts about China's 2021-2025 development plan\n\nChina published its draft plan.\n\nTo create a total of 55 million urban jobs over the five years.\n",
    );
    assert_eq!(x.len(), 1);
    assert_eq!(x[0].year, 2025);
    assert_eq!(
        x[0].period.map(|p| p.to_string()).as_deref(),
        Some("2021-2025")
    );
}

#[test]
fn a_plans_lead_sets_the_horizon_of_its_targets() {
    let r = rows(
        "y.txt",
        "(Yicai Global) Dec. 2 -- The State Council has laid out a plan for the Yangtze River Delta.\nThe blueprint calls for goals being met by 2025.\nThe region should have 80 percent 5G coverage.\nIts railway network should reach 12,000 km.\n",
    );
    assert_eq!(
        r,
        vec![
            "target Yangtze River Delta 2025 = 80 %",
            "target Yangtze River Delta 2025 = 12,000 km"
        ]
    );
    // not in a work report, whose targets are for its year
    let r = rows(
        "z.txt",
        "Zhejiang Government Work Report 2021\n\nThe work report sets out the plan and the goals to be met by 2025.\n\nThe province will build 300 new schools.\n",
    );
    assert_eq!(r, vec!["target Zhejiang 2021 = 300 count"]);
}

#[test]
fn a_target_told_in_the_past_tense_and_a_list_sharing_its_unit_and_time() {
    let r = rows(
        "china-studies-2025.txt",
        "Targets met early\n\nPub Date:2025-03-01\n\nLast year pension coverage reached 1.07 billion people.\n\nOne of the key targets under the plan was to expand pension coverage to 95% of the population. The plan set targets for physicians and nurses per 1,000 people at 3.2 and 3.8, respectively, by 2025.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual China 2024 = 1,070,000,000 count",
            "target China 2025 = 95 %",
            "target China 2025 = 3.2 per_1000",
            "target China 2025 = 3.8 per_1000"
        ]
    );
    let r = rows(
        "n.txt",
        "Goals\n\nPub Date:2025-03-01\n\nThe main goal was to raise forest coverage to 25 percent. By the end of 2023 the rates had reached 24.1 and 26, ahead of plan.\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2025 = 25 %",
            "actual China 2023 = 24.1 count",
            "actual China 2023 = 26 count"
        ]
    );
}

#[test]
fn figures_and_years_pair_up_respectively() {
    let r = rows(
        "g.txt",
        "Greater Bay Area economy\n\nPub Date:2024-04-10\n\nThe GBA economy surpassed 12 trillion RMB and 13 trillion RMB in 2021 and 2022 respectively. Its exports grew 6.1 percent and 5.2 percent in 2019 and 2020, respectively.\n",
    );
    assert_eq!(
        r,
        vec![
            "actual Greater Bay Area 2021 > 12,000,000,000,000 yuan",
            "actual Greater Bay Area 2022 > 13,000,000,000,000 yuan",
            "actual Greater Bay Area 2019 = 6.1 %",
            "actual Greater Bay Area 2020 = 5.2 %"
        ]
    );
}

#[test]
fn units_of_the_genre() {
    assert_eq!(
        values(
            "The region completed afforestation of 100,000 hectares and built roads of 1,200 miles."
        ),
        vec!["100,000 hectares", "1,200 miles"]
    );
    assert_eq!(
        values(
            "Energy use will stay under five billion tonnes equivalent of coal, and GDP will reach four trillion yuan."
        ),
        vec!["5,000,000,000 tce", "4,000,000,000,000 yuan"]
    );
    assert_eq!(
        values(
            "GDP was up 8,000-times, retail sales saw a 1,500-fold increase and revenue rose 20,000 times the 1953 figure."
        ),
        vec!["8,000 times", "1,500 times", "20,000 times"]
    );
    assert_eq!(
        values("The region was a high performer with a 6.8-percent GDP growth and a 15-year plan."),
        vec!["6.8 %"]
    );
    assert_eq!(
        values("Exports posted a 12-percent rise and the 16-percent tax rate went away."),
        vec!["12 %"]
    );
    assert_eq!(
        values("Foreign capital reached $8.69 billion yuan."),
        vec!["8,690,000,000 usd"]
    );
    // an ISO code written straight before the figure
    assert_eq!(
        values("GDP was CNY21.15 trillion and exports reached USD3.01 trillion."),
        vec!["21,150,000,000,000 yuan", "3,010,000,000,000 usd"]
    );
    // the number of a "for every N <unit>" is part of the unit
    assert_eq!(
        values("Highway density should reach 5 km for every 100 square kilometers."),
        vec!["5 km"]
    );
    assert_eq!(
        values("Forest cover grew by 3 hectares for every 1,000 hectares of land."),
        vec!["3 hectares"]
    );
    assert_eq!(
        values("The fund raised RMB10 billion."),
        vec!["10,000,000,000 yuan"]
    );
}

#[test]
fn units_left_out_where_the_indicator_tells() {
    assert_eq!(
        values(
            "General public budget revenue was 41.1 billion, and fiscal expenditure was 62.7 billion."
        ),
        vec!["41,100,000,000 yuan", "62,700,000,000 yuan"]
    );
    assert_eq!(
        values("The big data integration index reached 45.3, and the innovation index was 71.2."),
        vec!["45.3 index", "71.2 index"]
    );
    // a unit written once after the list
    assert_eq!(
        values("Their shares rose 0.36 and 0.67 percentage points respectively."),
        vec!["0.36 pp", "0.67 pp"]
    );
}

#[test]
fn cut_off_endings_give_no_figure() {
    assert!(values("The two industries will be worth 1 tril").is_empty());
    assert_eq!(
        values("Exports grew 9.1%. Imports grew by 7.7"),
        vec!["9.1 %"]
    );
    // a whole figure at the end of a cut text stays
    assert_eq!(values("Prices grew by 2.0 % (see"), vec!["2 %"]);
}

#[test]
fn counts_of_the_places_and_work_items_reported_on_are_not_figures() {
    assert!(values("Twenty-two of 31 major cities, provinces and autonomous regions have cut their 2020 targets.").is_empty());
    assert!(
        values("The 2022 GDP data of 16 cities were released, and the 38 targets were met.")
            .is_empty()
    );
}

#[test]
fn pairs_groups_and_epithets_of_a_roundup() {
    let doc = "Chinese provinces eye growth in 2024\n\nBEIJING -- Provinces set goals.\n\
        The 2024 GDP growth targets range from 4.5 to 8 percent for China's provincial-level regions.\n\
        Most Chinese provincial-level regions have set their 2024 gross domestic product growth goals at above 5 percent.\n\
        Xizang Autonomous Region in southwest China and the southernmost island province of Hainan have anticipated their GDP to grow at approximately 8 percent.\n\
        The two also led the country with their GDP growing more than 9 percent in 2023.\n\
        Xinjiang aims to grow its GDP by around 6.5 percent this year. The far western region was another high performer in 2023 with a 6.8-percent GDP growth.\n\
        Provinces such as Hunan and Hubei expect growth of 6 percent. Their GDP climbed by 4.8 percent last year.\n\
        Beijing and the neighbouring province of Hebei set targets of 5 percent.\n\
        Regional targets ranged from 3 to 7 percent.\n";
    assert_eq!(
        rows("xinhua-2024.txt", doc),
        vec![
            "target Tibet 2024 ~ 8 %",
            "target Hainan 2024 ~ 8 %",
            "actual Tibet 2023 > 9 %",
            "actual Hainan 2023 > 9 %",
            "target Xinjiang 2024 ~ 6.5 %",
            "actual Xinjiang 2023 = 6.8 %",
            "target Hunan 2024 = 6 %",
            "target Hubei 2024 = 6 %",
            "actual Hunan 2023 = 4.8 %",
            "actual Hubei 2023 = 4.8 %",
            "target Beijing 2024 = 5 %",
            "target Hebei 2024 = 5 %"
        ]
    );
}

#[test]
fn figures_about_unnamed_groups_of_provinces_are_not_figures() {
    assert!(
        roundup("Twelve provinces projected growth of around 6% or lower this year.").is_empty()
    );
    assert!(roundup("All localities generally set the target at more than 5%, and many major economic provinces set it at about 5.5%.").is_empty());
    // a group with a province named after it
    assert_eq!(
        roundup("Among several provinces, Hubei set its target at 10%."),
        vec!["target Hubei 2021 = 10 %"]
    );
}

#[test]
fn definitions_of_enterprise_sizes_are_not_figures() {
    assert_eq!(
        zj(
            "In 2020, profits of industrial enterprises (those with annual revenue of greater than 20 million yuan) grew 15.8%."
        ),
        vec!["actual Zhejiang 2020 = 15.8 %"]
    );
    assert_eq!(
        zj(
            "In 2020, output of enterprises with an annual business turnover of at least 20 million yuan (about 2.9 million U.S. dollars) reached 1.3 trillion yuan."
        ),
        vec!["actual Zhejiang 2020 = 1,300,000,000,000 yuan"]
    );
}

#[test]
fn quoted_targets_are_figures() {
    assert_eq!(
        roundup("Hainan has the highest target, \"more than 9%, and strive to reach 10%\"."),
        vec!["target Hainan 2021 > 9 %", "target Hainan 2021 = 10 %"]
    );
    // a quoted name is not
    assert!(values("Implement the \"13 strategies\" and the \"Five Persistence\".").is_empty());
}

#[test]
fn the_tense_of_each_figure() {
    // a participle in a list of targets
    assert_eq!(
        zj("GDP will grow by about 6%, with the registered unemployment rate kept within 4.5%."),
        vec![
            "target Zhejiang 2021 ~ 6 %",
            "target Zhejiang 2021 <= 4.5 %"
        ]
    );
    // a past verb nearer the figure than a weak sign of the future (of the year the
    // work report reviews)
    assert_eq!(
        zj("The number of consular offices approved to be set up in Hangzhou has reached 23."),
        vec!["actual Zhejiang 2020 = 23 count"]
    );
    // the goals of the year, with a past participle after them
    assert_eq!(
        zj(
            "The main expected goals this year are: GDP growth of more than 6.5%; complete the plan issued by the state."
        ),
        vec!["target Zhejiang 2021 > 6.5 %"]
    );
}

#[test]
fn a_change_then_a_level_is_not_a_range() {
    assert_eq!(
        zj("In 2020, the number of high-tech enterprises increased 2.6 times to 11,400."),
        vec![
            "actual Zhejiang 2020 = 2.6 times",
            "actual Zhejiang 2020 = 11,400 count"
        ]
    );
    assert_eq!(
        zj("This year GDP will grow 6% to 7%."),
        vec!["target Zhejiang 2021 >= 6 %", "target Zhejiang 2021 <= 7 %"]
    );
}

#[test]
fn periods_and_durations_of_halves() {
    assert_eq!(
        rows(
            "x.txt",
            "Xinjiang economy\n\nPub Date:2023-07-27\n\nXinjiang's GDP grew 5.1 percent in the first half of 2023.\n"
        ),
        vec!["actual Xinjiang 2023 = 5.1 %"]
    );
    assert!(values("The cities are accessible within half an hour of each other.").is_empty());
}

#[test]
fn into_and_a_start_given_after_the_end() {
    let r = zj(
        "In 2020, the 33 industrial parks were integrated into 22, and approval time was shortened from 20 working days to five.",
    );
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 22 count <- 33@2020",
            "actual Zhejiang 2020 = 33 count",
            "actual Zhejiang 2020 = 5 days <- 20@2020",
            "actual Zhejiang 2020 = 20 days"
        ]
    );
    let r = rows(
        "p.txt",
        "Plan facts 2016\n\nChina will expand the railway to 30,000 kilometres by 2020, from 19,000 kilometres last year, and build at least 50 new airports.\n",
    );
    assert_eq!(
        r,
        vec![
            "target China 2020 = 30,000 km <- 19,000@2015",
            "actual China 2015 = 19,000 km",
            "target China 2020 >= 50 count"
        ]
    );
}

#[test]
fn a_future_section_does_not_date_what_is_done() {
    let r = rows(
        "f.txt",
        "Facts about China's 2016-2020 growth plan\n\nChina published the plan.\n\nTo raise nuclear capacity to 58 gigawatts by 2020. Currently, 28.3 gigawatts are installed.\n",
    );
    assert_eq!(
        r,
        vec!["target China 2020 = 58 gw", "actual China 2016 = 28.3 gw"]
    );
}

#[test]
fn places_that_complete_the_subject_or_that_a_group_ranks() {
    // "the data of" / "the GDP of" before a list of places: they are the subject
    assert_eq!(
        roundup(
            "Jiangsu and Guangdong set targets. In addition, the data of Zhejiang and Hunan reached 8 trillion yuan and 5 trillion yuan respectively last year."
        ),
        vec![
            "actual Zhejiang 2020 = 8,000,000,000,000 yuan",
            "actual Hunan 2020 = 5,000,000,000,000 yuan"
        ]
    );
    assert_eq!(
        roundup(
            "Jiangsu and Guangdong set targets. Meanwhile, the GDP of Fujian and Anhui grew 3.3% and 3.9%, respectively, last year."
        ),
        vec!["actual Fujian 2020 = 3.3 %", "actual Anhui 2020 = 3.9 %"]
    );
    // a quantified group after places named as the subject only ranks them
    assert_eq!(
        roundup(
            "Guangdong, Jiangsu, and Shandong occupied the top three places of Chinese provinces last year, each exceeding 7 trillion yuan."
        ),
        vec![
            "actual Guangdong 2020 > 7,000,000,000,000 yuan",
            "actual Jiangsu 2020 > 7,000,000,000,000 yuan",
            "actual Shandong 2020 > 7,000,000,000,000 yuan"
        ]
    );
    // while a group that is the subject still says nothing of one place
    assert!(
        roundup(
            "Jiangsu and Guangdong set targets. Twelve provinces, including Hubei, set targets above 6% for this year."
        )
        .is_empty()
    );
}

#[test]
fn a_quoted_figure_with_a_noun_is_a_name() {
    assert!(
        roundup("New additions to the \"9 trillion province\" and \"1 trillion city\" clubs.")
            .is_empty()
    );
    assert!(roundup("Hubei joined the \"5 trillion yuan club\" last year.").is_empty());
    // a quoted target is still a figure
    assert_eq!(
        roundup("Hubei set its goal at \"more than 7%\" for this year."),
        vec!["target Hubei 2021 > 7 %"]
    );
}

#[test]
fn a_change_named_around_its_figure() {
    let labels = |t: &str| -> Vec<String> {
        extract("zj.txt", &format!("Zhejiang report 2021\n\n{t}\n"))
            .into_iter()
            .map(|x| x.indicator)
            .collect()
    };
    assert_eq!(
        labels(
            "Last year, Zhejiang saw a year-on-year increase of 6 percent in gross regional product."
        ),
        vec!["gross regional product growth"]
    );
    assert_eq!(
        labels(
            "For 2021, the report sets goals of an increase of more than 5 percent in gross regional production."
        ),
        vec!["gross regional production growth"]
    );
    assert_eq!(
        labels(
            "This year, we aim for a 5.5 percent growth for the per capita disposable income of residents."
        ),
        vec!["per capita disposable income of residents growth"]
    );
    // a count of the work's own areas is no figure
    assert!(labels("Zhejiang will focus on 12 areas in 2021.").is_empty());
}

#[test]
fn the_country_a_place_is_ranked_in_owns_nothing() {
    assert_eq!(
        roundup(
            "Jiangsu and Guangdong set targets. Guangdong was the first province in the country with a GDP exceeding 11 trillion yuan last year."
        ),
        vec!["actual Guangdong 2020 > 11,000,000,000,000 yuan"]
    );
    assert_eq!(
        roundup(
            "Jiangsu and Guangdong set targets. Jiangsu, the second largest economy in the country, grew 3.7% last year."
        ),
        vec!["actual Jiangsu 2020 = 3.7 %"]
    );
}

#[test]
fn numbered_chart_captions_are_skipped() {
    let doc = "National Bureau of Statistics: GDP in 2019\n\nFebruary 28, 2020\n\nThe gross domestic product was 99 trillion yuan, an increase of 6.1% over the previous year.\n\nFigure 2 proportion of added value of three industries in GDP from 2015 to 2019 [6\n\nFigure 42015-2019 total labor productivity [8\n\nChart 3: Retail sales 2015-2019, 41.2 trillion yuan\n\nGraphics: Key figures in China's 2023 government work report\n";
    assert_eq!(
        rows("stats-2020.txt", doc),
        vec![
            "actual China 2019 = 99,000,000,000,000 yuan",
            "actual China 2019 = 6.1 %"
        ]
    );
    // a sentence that starts with the word is read
    assert_eq!(
        values("Figure skating rinks will reach 200 by 2025."),
        vec!["200 count"]
    );
}

#[test]
fn a_point_of_the_year_compared_with_does_not_date() {
    let doc = "National Bureau of Statistics: 2019 communique\n\nFebruary 28, 2020\n\nAt the end of the year, the population was 1400.05 million, an increase of 4.67 million over the end of the previous year. Retail sales in 2019 were 41 trillion yuan, up 8 percent over the same period of last year.\n";
    assert_eq!(
        rows("stats-2020.txt", doc),
        vec![
            "actual China 2019 = 1,400,050,000 count",
            "actual China 2019 = 4,670,000 count",
            "actual China 2019 = 41,000,000,000,000 yuan",
            "actual China 2019 = 8 %"
        ]
    );
}

#[test]
fn a_sentence_without_tense_goes_on_as_its_paragraph() {
    // "is" alone in a paragraph of outcomes reports, as in a statistics communique
    let doc = "National Bureau of Statistics: GDP in 2019\n\nFebruary 28, 2020\n\nThe gross domestic product of the whole year was 99 trillion yuan. The annual contribution rate of final consumption expenditure to GDP growth is 57.8%.\n";
    assert_eq!(
        rows("stats-2020.txt", doc),
        vec![
            "actual China 2019 = 99,000,000,000,000 yuan",
            "actual China 2019 = 57.8 %"
        ]
    );
    let r = zj(
        "In 2020, GDP grew 3.6 percent. The share of services in GDP is 55.8 percent. This year's targets: GDP growth of 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 3.6 %",
            "actual Zhejiang 2020 = 55.8 %",
            "target Zhejiang 2021 = 6 %"
        ]
    );
    // a new paragraph with no sign of tense is not carried on
    assert_eq!(
        zj("In 2020, GDP grew 3.6 percent.\n\nThe share of services in GDP is 58 percent."),
        vec![
            "actual Zhejiang 2020 = 3.6 %",
            "target Zhejiang 2021 = 58 %"
        ]
    );
}

#[test]
fn a_sentence_about_the_country_ends_a_provinces_carry() {
    let doc = "Key figures in China's 2023 government work report\n\nPremier Li Keqiang delivered the report at the meeting in Beijing on Sunday, reviewing China's achievements in 2022.\n\nChina stabilized the economy in 2022. It has secured a bumper harvest. Its grain output in 2022 reached 686.5 billion kilograms.\n";
    assert_eq!(
        rows("cgtn-2023-03-05.txt", doc),
        vec!["actual China 2022 = 686,500,000,000 kg"]
    );
    let doc = "China's economy in 2021\n\nPub Date:2022-01-17\n\nThe briefing was held in Beijing. China's economy grew 8.1 percent in 2021. Its per capita GDP reached 80,976 yuan.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "actual China 2021 = 8.1 %",
            "actual China 2021 = 80,976 yuan"
        ]
    );
}

#[test]
fn counted_quarters_after_an_ordinal_are_a_period() {
    assert_eq!(
        zj("GDP grew 5.4% in the first three quarters of 2020."),
        vec!["actual Zhejiang 2020 = 5.4 %"]
    );
    assert_eq!(
        zj(
            "Exports rose 8% over the past two quarters of 2020, and three quarters of GDP came from services."
        ),
        vec!["actual Zhejiang 2020 = 8 %", "actual Zhejiang 2020 = 75 %"]
    );
}

#[test]
fn a_figures_own_time_phrase_wins_over_the_one_dating_the_figure_before() {
    let r = zj(
        "The share has increased from 23.9% in 2018 to 24.4% in 2020, with a growth rate of 5.4% in the first three quarters of this year.",
    );
    assert_eq!(
        r,
        vec![
            "actual Zhejiang 2020 = 24.4 % <- 23.9@2018",
            "actual Zhejiang 2018 = 23.9 %",
            "actual Zhejiang 2021 = 5.4 %"
        ]
    );
    // with no phrase of its own, the clause's year stands ("last year, up 2.3 percent")
    assert_eq!(
        zj("Output reached 11.08 trillion yuan in 2020, up 2.3 percent."),
        vec![
            "actual Zhejiang 2020 = 11,080,000,000,000 yuan",
            "actual Zhejiang 2020 = 2.3 %"
        ]
    );
}

#[test]
fn a_future_perfect_is_a_target() {
    assert_eq!(
        zj("By 2025, the economy should have exceeded 9 trillion yuan."),
        vec!["target Zhejiang 2025 > 9,000,000,000,000 yuan"]
    );
    assert_eq!(
        zj("By 2025 the urbanization rate will have reached 75 percent."),
        vec!["target Zhejiang 2025 = 75 %"]
    );
    // a perfect without a modal reports
    assert_eq!(
        zj("In 2020 the economy has exceeded 6 trillion yuan."),
        vec!["actual Zhejiang 2020 > 6,000,000,000,000 yuan"]
    );
}

#[test]
fn by_that_time_is_the_year_named_last() {
    let r = zj(
        "We will double the 2010 GDP by 2025 with growth of at least 6.5%. By that time, the economy should have exceeded 9 trillion yuan.",
    );
    assert_eq!(
        r,
        vec![
            "target Zhejiang 2025 >= 6.5 %",
            "target Zhejiang 2025 > 9,000,000,000,000 yuan"
        ]
    );
    let r = zj("Forest cover will reach 62% in 2023. By then, 500 parks will be open.");
    assert_eq!(
        r,
        vec![
            "target Zhejiang 2023 = 62 %",
            "target Zhejiang 2023 = 500 count"
        ]
    );
}

#[test]
fn a_title_about_local_or_provincial_sessions_makes_a_roundup() {
    let doc = "China's local \"two sessions\" convey confidence in 2024 economy\n\n2024-03-04 09:43:00 Source:Xinhua\n\nChina's economy is evident. Hainan set a growth target of about 8 percent. South China's Guangdong Province, an economic powerhouse that leads the country's economy, targets regional GDP growth of 5 percent for 2024. Shanghai set its target at about 5 percent. China's economy grew 5.2 percent in 2023.\n";
    let (info, _) = extract_with_info("t.txt", doc);
    assert_eq!(info.mode, Mode::Roundup);
    assert_eq!(
        rows("t.txt", doc),
        vec![
            "target Hainan 2024 ~ 8 %",
            "target Guangdong 2024 = 5 %",
            "target Shanghai 2024 ~ 5 %",
            "actual China 2023 = 5.2 %"
        ]
    );
    let doc = "Chinese provinces target modest growth for 2024\n\n2024-01-26\n\nLast year, China's GDP expanded 5.2%. Heilongjiang in China's northeast reported only 2.6% growth, undershooting its goal of around 6%. Jiangxi posted 4.1% growth versus its target of around 7%. Henan and Shanghai missed their targets. China's GDP grew 6% a year before.\n";
    let (info, _) = extract_with_info("t.txt", doc);
    assert_eq!(info.mode, Mode::Roundup);
}

#[test]
fn the_country_naming_a_part_of_itself_locates_a_place() {
    let doc = "Chinese provinces target modest growth for 2024\n\n2024-01-26\n\nLast year, China's GDP expanded 5.2%. Heilongjiang in China's northeast reported only 2.6% growth, undershooting its goal of around 6%. Jiangxi posted 4.1% growth versus its target of around 7%. Henan and Shanghai missed their targets.\n";
    assert_eq!(
        rows("t.txt", doc),
        vec![
            "actual China 2023 = 5.2 %",
            // a roundup whose places all reported on one year goes on with it, and the
            // goal an outcome is measured against is of the outcome's year
            "actual Heilongjiang 2023 = 2.6 %",
            "target Heilongjiang 2023 ~ 6 %",
            "actual Jiangxi 2023 = 4.1 %",
            "target Jiangxi 2023 ~ 7 %"
        ]
    );
    let r = roundup(
        "Urumqi in the country's west grew 6 percent in 2020. Xinjiang aims for 7 percent.",
    );
    assert_eq!(
        r,
        vec!["actual Xinjiang 2020 = 6 %", "target Xinjiang 2021 = 7 %"]
    );
}

#[test]
fn shares_and_counts_of_the_places_reported_on_are_not_figures() {
    let r = roundup(
        "More than half of China's provincial-level regions anticipate growth of 5.5 per cent or higher. To date, more than two-thirds of the provincial-level regions have unveiled targets. Most of them have set a target of more than 5 percent. At least 15 out of 31 provincial economies missed their targets. Hubei aims for 6 percent.",
    );
    assert_eq!(r, vec!["target Hubei 2021 = 6 %"]);
    let r = roundup(
        "Guizhou expects growth of 14 percent, followed by Shaanxi at 12.5 percent, then 10 others with a target of 12 percent. Hubei aims for 6 percent, while 12 others set targets of above 8 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Guizhou 2021 = 14 %",
            "target Shaanxi 2021 = 12.5 %",
            "target Hubei 2021 = 6 %"
        ]
    );
    // a share of something else stays
    let r = roundup("Hubei aims to raise the share of services to two-thirds of GDP.");
    assert_eq!(r, vec!["target Hubei 2021 = 66.67 %"]);
}

#[test]
fn a_year_before_a_noun_phrase_that_ends_in_a_year_noun_is_a_year() {
    assert!(values("Many provinces have set modest 2024 economic growth targets.").is_empty());
    assert!(values("Key figures in China's 2023 government work report").is_empty());
    assert_eq!(
        values("We sent 2018 medical workers to Hubei."),
        vec!["2,018 count"]
    );
}

#[test]
fn places_given_as_examples_of_the_subject_state_the_figure() {
    let r = roundup(
        "Provinces with larger economies such as Guangdong, Jiangsu, and Zhejiang have set their GDP targets at 5 per cent.",
    );
    assert_eq!(
        r,
        vec![
            "target Guangdong 2021 = 5 %",
            "target Jiangsu 2021 = 5 %",
            "target Zhejiang 2021 = 5 %"
        ]
    );
    let r = roundup(
        "Coastal provinces such as Fujian and Shandong aim for growth of 6 percent. Hubei aims for 7 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Fujian 2021 = 6 %",
            "target Shandong 2021 = 6 %",
            "target Hubei 2021 = 7 %"
        ]
    );
}

#[test]
fn a_name_after_a_list_and_a_semicolon_is_no_apposition() {
    let r = roundup(
        "Jiangsu, Shandong, and Guangxi are more than 5%; Henan is 5.5%; Hebei and Liaoning are about 5.5%; and Jilin is about 5.5%.",
    );
    assert_eq!(
        r,
        vec![
            "target Jiangsu 2021 > 5 %",
            "target Shandong 2021 > 5 %",
            "target Guangxi 2021 > 5 %",
            "target Henan 2021 = 5.5 %",
            "target Hebei 2021 ~ 5.5 %",
            "target Liaoning 2021 ~ 5.5 %",
            "target Jilin 2021 ~ 5.5 %"
        ]
    );
    let r = roundup("Anhui, Hunan, and Hubei aim for 6%, and Sichuan for 6.5%. Gansu targets 7%.");
    assert_eq!(
        r,
        vec![
            "target Anhui 2021 = 6 %",
            "target Hunan 2021 = 6 %",
            "target Hubei 2021 = 6 %",
            "target Sichuan 2021 = 6.5 %",
            "target Gansu 2021 = 7 %"
        ]
    );
}

#[test]
fn a_group_compared_with_is_not_what_the_figure_is_about() {
    let r = roundup(
        "Tianjin's growth target is about 4.5%, which is lower than other provinces, but still higher than its 4.3% growth in 2020. Hubei aims for 6 percent. Hunan aims for 6.5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Tianjin 2021 ~ 4.5 %",
            "actual Tianjin 2020 = 4.3 %",
            "target Hubei 2021 = 6 %",
            "target Hunan 2021 = 6.5 %"
        ]
    );
    // the group a figure is about still is: "Other provinces aim for about 6 percent"
    let r = roundup(
        "Hubei aims for 7 percent. Hunan aims for 6.5 percent. Gansu aims for 6.4 percent. Many other provinces aim for about 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hubei 2021 = 7 %",
            "target Hunan 2021 = 6.5 %",
            "target Gansu 2021 = 6.4 %"
        ]
    );
}

#[test]
fn counts_of_more_of_a_noun() {
    assert_eq!(
        values("The city aims to create 200,000 more job vacancies this year."),
        vec!["200,000 count"]
    );
    assert_eq!(
        values("Build 300 more schools and 20 more hospitals."),
        vec!["300 count", "20 count"]
    );
    // "more than" stays a bound
    assert_eq!(
        zj("Build more than 300 schools."),
        vec!["target Zhejiang 2021 > 300 count"]
    );
}

#[test]
fn labels_past_a_gerund_and_a_year_on_year() {
    let x = extract(
        "zj.txt",
        "Zhejiang Government Work Report 2021\n\nThe city will create 200,000 jobs, keeping the unemployment rate within 2.5 percent. GDP rose 8.5 percent year-on-year to 2.83 trillion yuan in 2020. Income increased by 7.9 percent year-on-year to 29,957 yuan in 2020.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "jobs",
            "unemployment rate",
            "GDP growth",
            "GDP",
            "Income growth",
            "Income"
        ]
    );
}

#[test]
fn a_report_on_government_work_reviews_last_year() {
    let doc = "Hebei session opens\n\nThe session opened on Jan 8 in Shijiazhuang. Governor Zhang delivered a report on government work. Hebei's GDP rose 8.5 percent. The GDP growth rate is expected to reach 8 percent.\n";
    assert_eq!(
        rows("hebei-2014-01-21.txt", doc),
        vec!["actual Hebei 2013 = 8.5 %", "target Hebei 2014 = 8 %"]
    );
    let doc = "Gansu session\n\nPub Date:2019-01-30\n\nThe governor gave the report on government work. Gansu's retail sales rose 7.4 percent. Gansu's GDP will grow 6 percent.\n";
    assert_eq!(
        rows("g.txt", doc),
        vec!["actual Gansu 2018 = 7.4 %", "target Gansu 2019 = 6 %"]
    );
}

#[test]
fn this_year_in_a_work_report_is_a_plan_whatever_the_reporters_tense() {
    // the congress hears the report as the year begins: "this year" has no outcome yet
    let doc = "Government Work Report stresses reform\n\nThe governor of Jilin province gave the Government Work Report on Feb 8. Another addendum to the report was keeping GDP growth at 6.5 percent this year.\n";
    assert_eq!(
        rows("jilin-2015.txt", doc),
        vec!["target Jilin 2015 = 6.5 %"]
    );
    let doc = "Hebei session opens\n\nThe session opened on Jan 8. Governor Zhang delivered a report on government work. The report kept the growth of fixed-asset investment at 10 percent this year. Hebei's GDP rose 8.5 percent.\n";
    assert_eq!(
        rows("hebei-2014-01-21.txt", doc),
        vec!["target Hebei 2014 = 10 %", "actual Hebei 2013 = 8.5 %"]
    );
    // outside a work report, the verb still decides
    let doc =
        "Jilin economy\n\nJilin's GDP grew 6.5 percent this year, the bureau said on Oct 20.\n";
    assert_eq!(
        rows("jilin-2015.txt", doc),
        vec!["actual Jilin 2015 = 6.5 %"]
    );
}

#[test]
fn both_says_each_figure_is_of_each_place_whatever_respectively_says() {
    let r = roundup(
        "The GDP of both Beijing and Hebei reached 4.2 trillion yuan in 2020 and 1.7 times that of 2013, respectively. Tianjin's GDP was 1.4 trillion yuan in 2020.",
    );
    assert_eq!(
        r,
        vec![
            "actual Beijing 2020 = 4,200,000,000,000 yuan",
            "actual Hebei 2020 = 4,200,000,000,000 yuan",
            "actual Beijing 2020 = 1.7 times",
            "actual Hebei 2020 = 1.7 times",
            "actual Tianjin 2020 = 1,400,000,000,000 yuan"
        ]
    );
    // "both" inside the sentence: one statement for each place, not two labels each
    let r = roundup(
        "For example, both Guangdong and Zhejiang have set 8 percent growth targets. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Guangdong 2021 = 8 %",
            "target Zhejiang 2021 = 8 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    let r = roundup(
        "Last year, both Hunan and Hubei reported 7 percent growth. Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "actual Hunan 2020 = 7 %",
            "actual Hubei 2020 = 7 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    // without "both", "respectively" pairs them
    let r = roundup(
        "Hunan and Hubei aim for more than 6.5 percent and 7 percent, respectively. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hunan 2021 > 6.5 %",
            "target Hubei 2021 > 7 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
}

#[test]
fn labels_leave_out_the_places_they_are_said_of() {
    let x = extract(
        "r.txt",
        "Provinces set growth targets\n\nPub Date:2021-01-30\n\nThe GDP of both Beijing and Hebei reached 4.2 trillion yuan in 2020. The number of trillion-yuan cities in the Yangtze River Delta has increased to 9. The added value of industries in the province grew 6%. Zhejiang's share of exports in the country rose to 14%. Hubei aims for GDP growth of 7 percent.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "GDP",
            "GDP",
            "number of trillion-yuan cities",
            "added value of industries growth",
            // the country stays: a share of the nation's exports
            "share of exports in the country",
            "GDP growth"
        ]
    );
    // the rest of a list of subjects is no label
    let x = extract(
        "r.txt",
        "Provinces set growth targets\n\nPub Date:2025-01-30\n\nHainan, Chongqing, Hubei and Inner Mongolia are set at 6% or more. Jiangsu and Guangdong have 5%.\n",
    );
    assert!(x.iter().all(|x| x.indicator.is_empty()), "{x:?}");
    assert_eq!(x.len(), 6);
}

#[test]
fn places_coordinated_with_an_aside_about_the_first() {
    let r = roundup(
        "Shanghai, which is a financial hub, and Beijing, the capital city, are both expecting GDP growth of 5 per cent. Hubei aims for 7 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Shanghai 2021 = 5 %",
            "target Beijing 2021 = 5 %",
            "target Hubei 2021 = 7 %"
        ]
    );
    let r = roundup(
        "Hainan, the island province, and Tibet set growth targets of about 8 percent. Hubei aims for 7 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hainan 2021 ~ 8 %",
            "target Tibet 2021 ~ 8 %",
            "target Hubei 2021 = 7 %"
        ]
    );
    // a longer relative clause, and a locator before the second name
    let r = roundup(
        "Central China's Hubei province, which was hit hard by the COVID-19 pandemic last year, and south China's Hainan will strive for more than 10 per cent growth this year. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hubei 2021 > 10 %",
            "target Hainan 2021 > 10 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
}

#[test]
fn the_second_of_two_places_may_be_described() {
    let r = roundup(
        "Central China's Hunan and Henan provinces and north China's Shanxi province set the 2021 growth targets at 7 per cent. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hunan 2021 = 7 %",
            "target Henan 2021 = 7 %",
            "target Shanxi 2021 = 7 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    let r = roundup(
        "Populous Henan, and coal mining industry center Shanxi province, set growth targets of more than 7 percent and 8 percent, respectively. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Henan 2021 > 7 %",
            "target Shanxi 2021 > 8 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    // a preposition before the second name makes it part of another phrase
    let r = roundup(
        "Jiangsu and investors in Zhejiang expect growth of 6 percent. Tianjin aims for 5 percent.",
    );
    assert_eq!(
        r.iter().filter(|x| x.ends_with("= 6 %")).count(),
        1,
        "{r:?}"
    );
}

#[test]
fn compared_to_a_year_is_a_base() {
    let doc = "Seven sets of data\n\n2024-01-18\n\nChina's GDP reached 126 trillion yuan in 2023, an increase of 5.2% compared to the previous year, and the growth rate accelerated by 2.2 percentage points compared to 2022. Retail sales grew 7% over 2022.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "actual China 2023 = 126,000,000,000,000 yuan",
            "actual China 2023 = 5.2 %",
            "actual China 2023 = 2.2 pp",
            "actual China 2023 = 7 %"
        ]
    );
}

#[test]
fn labels_past_went_up_stood_at_and_year_on_year() {
    let x = extract(
        "n.txt",
        "China economy 2023\n\nPub Date:2024-01-17\n\nThe fixed-asset investment went up 3 percent year on year in 2023 to stand at 50.3 trillion yuan. Emissions of nitrogen oxides went down 2 percent in 2023.\n",
    );
    let labels: Vec<&str> = x.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "fixed-asset investment growth",
            "fixed-asset investment",
            "Emissions of nitrogen oxides decline"
        ]
    );
}

#[test]
fn the_second_of_a_list_of_spans_is_a_span() {
    for s in [
        "The plan sets out the goals for the next five and 15 years.",
        "The coming five and ten years are crucial for the province.",
        "Output grew steadily over the past three to five years.",
    ] {
        assert!(values(s).is_empty(), "{s}");
    }
    // a figure after a list of plain numbers is read
    assert_eq!(
        values("The province will build 5 and 15 parks."),
        vec!["5 count", "15 count"]
    );
}

#[test]
fn the_length_of_the_text_is_no_figure() {
    for s in [
        "The outline, with over 70,000 Chinese characters, was adopted.",
        "The report of about 20,000 words was read out.",
        "The 14 chapters of the plan were discussed.",
        // nor is the count of its own indicators
        "The outline charts the route with 20 indicators in five categories.",
        "The plan put forward 20 main indicators from five aspects.",
    ] {
        assert!(values(s).is_empty(), "{s}");
    }
}

#[test]
fn counts_of_provincial_level_regions_are_no_figures() {
    for s in [
        "China's 13 provincial-level regions grew faster than the national average.",
        "All 31 provincial-level divisions have released their targets.",
    ] {
        assert!(roundup(s).is_empty(), "{s}");
    }
}

#[test]
fn places_with_their_designators_are_coordinated() {
    assert_eq!(
        after_two_provinces(
            "Guangxi Zhuang Autonomous Region and Ningxia Hui Autonomous Region both set targets of 7 percent."
        ),
        vec!["target Guangxi 2021 = 7 %", "target Ningxia 2021 = 7 %"]
    );
    assert_eq!(
        after_two_provinces(
            "Hunan Province and Hubei Province both aim for growth of above 6.5 percent."
        ),
        vec!["target Hunan 2021 > 6.5 %", "target Hubei 2021 > 6.5 %"]
    );
}

#[test]
fn parallel_lists_pair_in_turn_with_respectively() {
    assert_eq!(
        after_two_provinces(
            "In 2020, GDP of Inner Mongolia Autonomous Region and Tibet Autonomous Region grew by 0.2 and 7.8 percent, up by 0.9 and 0.1 percentage points, respectively."
        ),
        vec![
            "actual Inner Mongolia 2020 = 0.2 %",
            "actual Tibet 2020 = 7.8 %",
            "actual Inner Mongolia 2020 = 0.9 pp",
            "actual Tibet 2020 = 0.1 pp"
        ]
    );
    assert_eq!(
        after_two_provinces(
            "Last year the economies of Anhui and Jiangxi reached 3.9 and 2.6 trillion yuan, up 3.9 and 3.8 percent respectively."
        ),
        vec![
            "actual Anhui 2020 = 3,900,000,000,000 yuan",
            "actual Jiangxi 2020 = 2,600,000,000,000 yuan",
            "actual Anhui 2020 = 3.9 %",
            "actual Jiangxi 2020 = 3.8 %"
        ]
    );
}

fn two_sessions_2026(body: &str) -> Vec<String> {
    rows(
        "r.txt",
        &format!(
            "Provincial two sessions: targets set\n\n2026-01-28\n\nJiangsu aims for 5 percent. {body}\n"
        ),
    )
    .into_iter()
    .skip(1)
    .collect()
}

#[test]
fn a_possessive_time_dates_its_own_clause_only() {
    assert_eq!(
        two_sessions_2026(
            "Guangdong's GDP target is set at 4.5-5%, down from last year's target of around 5%, with an actual growth of 3.9%."
        ),
        vec![
            "target Guangdong 2026 >= 4.5 %",
            "target Guangdong 2026 <= 5 %",
            "target Guangdong 2025 ~ 5 %",
            "actual Guangdong 2025 = 3.9 %"
        ]
    );
    assert_eq!(
        two_sessions_2026(
            "Guangdong plans to invest over 980 billion yuan, down from last year's target of 1 trillion yuan."
        ),
        vec![
            "target Guangdong 2026 > 980,000,000,000 yuan",
            "target Guangdong 2025 = 1,000,000,000,000 yuan"
        ]
    );
}

#[test]
fn an_actual_growth_is_an_outcome() {
    assert_eq!(
        two_sessions_2026(
            "Hubei's target is around 5.5%, and the actual increase was 4.4% last year."
        ),
        vec!["target Hubei 2026 ~ 5.5 %", "actual Hubei 2025 = 4.4 %"]
    );
    assert_eq!(
        two_sessions_2026(
            "Fujian keeps a target of around 5%, with an actual growth rate of 5.1%."
        ),
        vec!["target Fujian 2026 ~ 5 %", "actual Fujian 2025 = 5.1 %"]
    );
}

#[test]
fn news_of_the_congresses_early_in_the_year_reviews_the_year_before() {
    let doc = |date: &str| {
        format!(
            "Local people's congress sessions open\n\n{date}\n\nHunan's GDP grew 4.8 percent, the governor said. Hunan aims for 5 percent.\n"
        )
    };
    assert_eq!(
        rows("r.txt", &doc("2025-01-16")),
        vec!["actual Hunan 2024 = 4.8 %", "target Hunan 2025 = 5 %"]
    );
    // in the autumn the same words report the year itself
    assert_eq!(
        rows("r.txt", &doc("2025-09-16"))[0],
        "actual Hunan 2025 = 4.8 %"
    );
}

#[test]
fn ranges_after_being_and_in_a_list() {
    assert_eq!(
        two_sessions_2026("Fujian's target for last year being 5-5.5%, it grew 5%."),
        vec![
            "target Fujian 2025 >= 5 %",
            "target Fujian 2025 <= 5.5 %",
            "actual Fujian 2025 = 5 %"
        ]
    );
    assert_eq!(
        two_sessions_2026("Anhui and Hunan set targets of 5-5.5% and 6-6.5%, respectively."),
        vec![
            "target Anhui 2026 >= 5 %",
            "target Anhui 2026 <= 5.5 %",
            "target Hunan 2026 >= 6 %",
            "target Hunan 2026 <= 6.5 %"
        ]
    );
}

#[test]
fn a_target_lowered_from_an_earlier_one() {
    let doc = |s: &str| {
        format!("Shandong cuts its target\n\n2015-01-28\n\nShandong's legislature met. {s}\n")
    };
    assert_eq!(
        rows(
            "r.txt",
            &doc(
                "The province's growth target would be lowered to 8.5 percent for 2015, from 9 percent last year."
            )
        ),
        vec![
            "target Shandong 2015 = 8.5 % <- 9@2014",
            "target Shandong 2014 = 9 %"
        ]
    );
    assert_eq!(
        rows(
            "r.txt",
            &doc(
                "The province's target adjustment was large, from 9 percent for 2014 to 8.5 percent for this year."
            )
        ),
        vec![
            "target Shandong 2015 = 8.5 % <- 9@2014",
            "target Shandong 2014 = 9 %"
        ]
    );
}

#[test]
fn the_country_as_the_subject_in_a_provincial_text() {
    let doc = |s: &str| {
        format!(
            "Shandong economy\n\n2015-01-28\n\nLast year, Shandong's economy grew 8.7 percent. {s}\n"
        )
    };
    for s in [
        "In the same year, China recorded 7.4 percent growth.",
        "The country grew 7.4 percent in 2014.",
    ] {
        assert_eq!(
            rows("r.txt", &doc(s)),
            vec!["actual Shandong 2014 = 8.7 %", "actual China 2014 = 7.4 %"],
            "{s}"
        );
    }
}

#[test]
fn a_list_between_dashes_is_the_subject() {
    assert_eq!(
        after_two_provinces(
            "Three of the top five provinces – Guangdong, Shandong and Zhejiang – aim for growth of above 5 per cent."
        ),
        vec![
            "target Guangdong 2021 > 5 %",
            "target Shandong 2021 > 5 %",
            "target Zhejiang 2021 > 5 %"
        ]
    );
    assert_eq!(
        after_two_provinces(
            "Two coastal provinces — Fujian and Hainan — set targets of around 6 percent."
        ),
        vec!["target Fujian 2021 ~ 6 %", "target Hainan 2021 ~ 6 %"]
    );
}

#[test]
fn a_count_of_governments_is_a_group() {
    let r = roundup(
        "Jiangsu aims for 6 percent.\n\nHebei aims for 5 percent.\n\nHunan aims for 7 percent.\n\nSo far 21 provincial governments have set targets of between 5 and 6.5 per cent.",
    );
    assert_eq!(
        r,
        vec![
            "target Jiangsu 2021 = 6 %",
            "target Hebei 2021 = 5 %",
            "target Hunan 2021 = 7 %"
        ]
    );
}

#[test]
fn a_start_told_as_a_goal_is_the_earlier_target() {
    let r = roundup(
        "Hainan set its growth target at 10 percent in 2021, up from about 6.5 percent for 2020. Guangdong set its target at above 6 percent, up from \"more than 5 percent\". Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "target Hainan 2021 = 10 % <- 6.5@2020",
            "target Hainan 2020 ~ 6.5 %",
            "target Guangdong 2021 > 6 % <- 5@2020",
            "target Guangdong 2020 > 5 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    // the figure for a year
    let r = roundup(
        "Anhui cut it to 8 percent from 8.5 percent for last year. Hubei aims for 6 percent, up from 5.5 percent for 2020. Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "target Anhui 2021 = 8 % <- 8.5@2020",
            "target Anhui 2020 = 8.5 %",
            "target Hubei 2021 = 6 % <- 5.5@2020",
            "target Hubei 2020 = 5.5 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    // a plain figure in its year is the outcome
    let r = roundup(
        "Hainan set its growth target at 10 percent in 2021, up from 3.5 percent in 2020. Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "target Hainan 2021 = 10 % <- 3.5@2020",
            "actual Hainan 2020 = 3.5 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
}

#[test]
fn another_province_owns_its_figure_in_a_one_province_text() {
    let doc = "Liaoning economy grows\n\nPub Date:2019-01-17\n\nLiaoning's GDP grew 5.7 percent last year, higher than Jilin's 4.5 percent. Liaoning will build 100 schools this year.\n";
    assert_eq!(
        rows("l.txt", doc),
        vec![
            "actual Liaoning 2018 = 5.7 %",
            "actual Jilin 2018 = 4.5 %",
            "target Liaoning 2019 = 100 count"
        ]
    );
    let doc = "Hainan sets its target\n\nPub Date:2021-01-30\n\nHainan set its growth target at 10 percent for 2021. The province will open 20 ports. Meanwhile, Guangdong aims for 6 percent this year.\n";
    assert_eq!(
        rows("h.txt", doc),
        vec![
            "target Hainan 2021 = 10 %",
            "target Hainan 2021 = 20 count",
            "target Guangdong 2021 = 6 %"
        ]
    );
    // a province in passing, not the subject, does not
    let doc = "Hainan sets its target\n\nPub Date:2021-01-30\n\nHainan set its growth target at 10 percent for 2021. Investment from Guangdong will grow 6 percent this year.\n";
    assert_eq!(
        rows("h.txt", doc),
        vec!["target Hainan 2021 = 10 %", "target Hainan 2021 = 6 %"]
    );
}

#[test]
fn a_year_after_as_is_compared_with() {
    let r = roundup(
        "Shanghai has set a 7.5 percent target, the same as for 2019. Hubei aims for growth of 8 percent, the same as in 2020. Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "target Shanghai 2021 = 7.5 %",
            "target Hubei 2021 = 8 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
}

#[test]
fn a_region_in_a_ranking_frame_does_not_own_the_figure() {
    let r = roundup(
        "Sichuan's GDP exceeded 6 trillion yuan, becoming the first province in western China with a GDP exceeding 6 trillion yuan. Chongqing's GDP exceeded 3 trillion yuan, becoming the first city in the central and western regions with a GDP exceeding 3 trillion yuan.",
    );
    assert_eq!(
        r,
        vec![
            "actual Sichuan 2021 > 6,000,000,000,000 yuan",
            "actual Sichuan 2021 > 6,000,000,000,000 yuan",
            "actual Chongqing 2021 > 3,000,000,000,000 yuan",
            "actual Chongqing 2021 > 3,000,000,000,000 yuan"
        ]
    );
}

#[test]
fn news_of_the_two_conferences_reviews_last_year() {
    // "two conferences", "two meetings": machine translations of 两会
    let doc = "Provinces set targets\n\nPub Date:2024-02-02\n\nThe provincial and local two conferences are an important window. Shandong's GDP exceeded 9 trillion yuan for the first time. Zhejiang's GDP exceeded 8 trillion yuan.\n";
    assert_eq!(
        rows("t.txt", doc),
        vec![
            "actual Shandong 2023 > 9,000,000,000,000 yuan",
            "actual Zhejiang 2023 > 8,000,000,000,000 yuan"
        ]
    );
    let doc = "Provinces set targets\n\nPub Date:2019-01-30\n\nAt the local two meetings, Hubei's GDP was reported to have grown 7.8 percent. Hunan's GDP grew 7.8 percent too.\n";
    assert_eq!(
        rows("t.txt", doc),
        vec!["actual Hubei 2018 = 7.8 %", "actual Hunan 2018 = 7.8 %"]
    );
}

#[test]
fn a_time_after_a_figure_does_not_date_the_clause_of_another_subject() {
    let r = roundup(
        "Beijing aims for 8 percent, higher than its 7.7 percent growth in 2020 while Shanghai has set a 7.5 percent target. Hubei grew 6 percent last year, and Hunan expects 7 percent. Tianjin aims for 5 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "target Beijing 2021 = 8 %",
            "actual Beijing 2020 = 7.7 %",
            "target Shanghai 2021 = 7.5 %",
            "actual Hubei 2020 = 6 %",
            "target Hunan 2021 = 7 %",
            "target Tianjin 2021 = 5 %"
        ]
    );
    // a clause without a verb of its own shares it
    let r = roundup(
        "Growth varied, with Jiangxi growing around 8.5% last year and Tianjin, near Beijing, managing a 4.5% expansion. Hubei aims for 6 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "actual Jiangxi 2020 ~ 8.5 %",
            "actual Tianjin 2020 = 4.5 %",
            "target Hubei 2021 = 6 %"
        ]
    );
}

#[test]
fn plus_after_a_number_is_more_than_it() {
    assert_eq!(
        zj("The province targets a 6-plus percent growth this year."),
        vec!["target Zhejiang 2021 > 6 %"]
    );
    assert_eq!(
        zj("The province targets an economic growth of six plus per cent this year."),
        vec!["target Zhejiang 2021 > 6 %"]
    );
    // not before a unit: arithmetic, not a bound
    assert!(zj("The province will open 6-plus schemes this year.").is_empty());
}

#[test]
fn verbs_of_how_growth_moved_report_outcomes() {
    assert_eq!(
        zj("The province's economic growth eased to its slowest rate in 13 years at 7.8 percent."),
        vec!["actual Zhejiang 2020 = 7.8 %"]
    );
    assert_eq!(
        zj("Growth of exports slowed to 4.5 percent, while imports accelerated to 9 percent."),
        vec!["actual Zhejiang 2020 = 4.5 %", "actual Zhejiang 2020 = 9 %"]
    );
}

#[test]
fn a_subheading_repeats_the_figure_its_section_gives_under_the_same_words() {
    let doc = "China meets targets ahead of schedule\n\nPub Date:2025-03-10\n\nThe year 2025 marks the final lap for the plan.\n\nBasic old-age insurance coverage reaches 95 percent\n\nBy the end of 2024, 1.07 billion people were covered. The basic old-age insurance coverage reached 95 percent in China.\n\nForest coverage rises to 25 percent\n\nBy the end of 2024, the forest coverage rose to 25 percent, official data show.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "actual China 2024 = 1,070,000,000 count",
            "actual China 2024 = 95 %",
            "actual China 2024 = 25 %"
        ]
    );
}

#[test]
fn a_plan_period_in_the_title_does_not_date_outcomes_the_text_dates() {
    let doc = "China meets multiple targets for 14th Five-Year Plan ahead of schedule\n\nPub Date:2025-03-10\n\nBy the end of 2024, 1.07 billion people in China were covered by old-age insurance. The coverage reached 95 percent in China. The share of services reached 56 percent of GDP.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "actual China 2024 = 1,070,000,000 count",
            "actual China 2024 = 95 %",
            "actual China 2024 = 56 %"
        ]
    );
}

#[test]
fn the_part_of_the_year_a_release_reports_on_marks_outcomes() {
    let r = roundup(
        "In terms of volume, Guangdong, known as the country's export engine, championed with a GDP of 8.8 trillion yuan in the first three quarters. Liaoning saw its GDP growth stand at 5.3 percent in the first nine months.",
    );
    assert_eq!(
        r,
        vec![
            "actual Guangdong 2021 = 8,800,000,000,000 yuan",
            "actual Liaoning 2021 = 5.3 %"
        ]
    );
}

#[test]
fn one_list_of_as_many_figures_as_places_pairs_in_turn() {
    let r = roundup(
        "Shanxi, Beijing, Shanghai and Henan ranked behind, the growth rate was 4%, 6.7%, 6.9% and 6.8%. Hubei and Hunan grew 7.8 and 8 percent in 2020.",
    );
    assert_eq!(
        r,
        vec![
            "actual Shanxi 2021 = 4 %",
            "actual Beijing 2021 = 6.7 %",
            "actual Shanghai 2021 = 6.9 %",
            "actual Henan 2021 = 6.8 %",
            "actual Hubei 2020 = 7.8 %",
            "actual Hunan 2020 = 8 %"
        ]
    );
    // figures of different measures are each said of both places
    let r = roundup(
        "In 2020, Beijing and Tianjin saw GDP grow 6 percent and retail sales rise 8 percent. Hubei aims for 6 percent this year.",
    );
    assert_eq!(
        r,
        vec![
            "actual Beijing 2020 = 6 %",
            "actual Tianjin 2020 = 6 %",
            "actual Beijing 2020 = 8 %",
            "actual Tianjin 2020 = 8 %",
            "target Hubei 2021 = 6 %"
        ]
    );
}

#[test]
fn a_list_of_places_right_before_its_verb_is_the_subject() {
    let r = roundup(
        "According to the report on Tuesday, China's economic powerhouses Guangdong province, Shanghai and Beijing targeted growth of 6 per cent this year. As the report says, the western provinces Sichuan and Yunnan set targets of 7 percent. Hubei aims for 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Guangdong 2021 = 6 %",
            "target Shanghai 2021 = 6 %",
            "target Beijing 2021 = 6 %",
            "target Sichuan 2021 = 7 %",
            "target Yunnan 2021 = 7 %",
            "target Hubei 2021 = 6 %"
        ]
    );
}

#[test]
fn places_joined_by_along_with_or_described_by_its() {
    let r = roundup(
        "The two outliers are Beijing and its neighboring port city Tianjin, which target growth of above 4.5% and around 4%, respectively. Shanghai, along with provinces of southern Guangxi and northwestern Shaanxi, are looking for a 5.5% expansion. Hubei aims for 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Beijing 2021 > 4.5 %",
            "target Tianjin 2021 ~ 4 %",
            "target Shanghai 2021 = 5.5 %",
            "target Guangxi 2021 = 5.5 %",
            "target Shaanxi 2021 = 5.5 %",
            "target Hubei 2021 = 6 %"
        ]
    );
    let r = roundup(
        "Hunan, together with its neighbour Jiangxi, set targets of 7 percent. Hubei aims for 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Hunan 2021 = 7 %",
            "target Jiangxi 2021 = 7 %",
            "target Hubei 2021 = 6 %"
        ]
    );
}

#[test]
fn the_place_a_change_came_from_owns_it_and_all_after_places_is_each() {
    let r = roundup(
        "The largest target adjustment came from Tianjin municipality, from 8 percent for 2020 to 5 percent for this year. The biggest gain came from the province of Hebei, whose GDP grew 6 percent. Hubei aims for 6 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Tianjin 2021 = 5 % <- 8@2020",
            "target Tianjin 2020 = 8 %",
            "actual Hebei 2021 = 6 %",
            "target Hubei 2021 = 6 %"
        ]
    );
    let r = roundup(
        "Anhui, for example, cut it to 8 percent while Hubei and Gansu all trimmed it by 0.5 percentage point. In 2020, Jiangxi and Hunan both grew 4 percent.",
    );
    assert_eq!(
        r,
        vec![
            "target Anhui 2021 = 8 %",
            "target Hubei 2021 = 0.5 pp",
            "target Gansu 2021 = 0.5 pp",
            "actual Jiangxi 2020 = 4 %",
            "actual Hunan 2020 = 4 %"
        ]
    );
}

#[test]
fn forecasts_by_others_are_neither_targets_nor_outcomes() {
    let doc = "China sets its target\n\nPub Date:2024-03-05\n\nChina aims for growth of about 5 percent this year. The International Monetary Fund forecast China GDP to grow 4.6 percent this year and 4.1 percent in 2025.\n";
    assert_eq!(rows("n.txt", doc), vec!["target China 2024 ~ 5 %"]);
    let r = roundup(
        "Hubei will strive for more than 10 per cent growth. The targets are more conservative than the forecast of about eight per cent increase made by international organisations.",
    );
    assert_eq!(r, vec!["target Hubei 2021 > 10 %"]);
    // the government's own projection stays
    let doc = "China sets its target\n\nPub Date:2024-03-05\n\nThe government projected the budget deficit at 3 percent of GDP.\n";
    assert_eq!(rows("n.txt", doc), vec!["target China 2024 = 3 %"]);
}

#[test]
fn growth_above_or_below_target_is_an_outcome() {
    let doc = "China sets its target\n\nPub Date:2024-03-05\n\nChina comfortably achieved above target GDP growth of 5.2 percent last year. Jiangxi posted below-target growth of 4.1 percent last year.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec!["actual China 2023 = 5.2 %", "actual Jiangxi 2023 = 4.1 %"]
    );
}

#[test]
fn a_year_after_from_the_is_a_base() {
    let doc = "China sets its target\n\nPub Date:2024-03-05\n\nThe government deficit will rise by 180 billion yuan from the 2023 budget figure. The share of coal will fall by 2 percentage points from the 2020 level.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "target China 2024 = 180,000,000,000 yuan",
            "target China 2024 = 2 pp"
        ]
    );
}

#[test]
fn a_target_revised_from_last_years_figure() {
    let doc = "China lowers target\n\nPub Date:2012-03-05\n\nThe government said it will work hard.\n\nChina projected a lower growth, scaling down its GDP growth target to 7.5% this year from last year's 8%. Hubei cut its growth target to 10 percent from the previous year's 11 percent.\n";
    assert_eq!(
        rows("n.txt", doc),
        vec![
            "target China 2012 = 7.5 %",
            "target China 2011 = 8 %",
            "target Hubei 2012 = 10 % <- 11@2011",
            "target Hubei 2011 = 11 %"
        ]
    );
}

#[test]
fn years_abbreviated_are_a_span() {
    assert!(values("The target was lowered for the first time in 7 yrs.").is_empty());
    assert!(values("Growth was the slowest in 10 yrs.").is_empty());
}

#[test]
fn a_lede_restated_with_another_kind_stays() {
    // the restatement reads the range as current; the lede says it is this year's target
    let doc = "China's growth target dips\n\nPub Date:2026-03-05\n\nChina has set an economic growth target of 4.5% to 5% for this year, a slight decrease.\n\nThe economy grew 5% last year. Setting a range of 4.5% to 5% gives the government more leeway.\n";
    let r = rows("n.txt", doc);
    assert!(
        r.contains(&"target China 2026 >= 4.5 %".to_string()),
        "{r:?}"
    );
    assert!(r.contains(&"target China 2026 <= 5 %".to_string()), "{r:?}");
}
