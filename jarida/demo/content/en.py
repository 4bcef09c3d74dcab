"""English facts for each invented event (written for Jarida; every name is made up)."""

from __future__ import annotations

from jarida.demo.content.types import EventText as T

EN: dict[str, T] = {
    "phosphate-contract": T(
        ("Phosphates du Maghreb signs $2.4bn fertiliser deal with Indian buyers",
         "Moroccan phosphate group locks in five-year export contract with India"),
        "State-owned Phosphates du Maghreb signed a five-year contract in Casablanca on Tuesday to "
        "supply phosphate fertilisers to an Indian consortium, a deal worth an estimated "
        "$2.4 billion.",
        ("The agreement covers 1.8 million tonnes a year shipped from the port of Jorf Lasfar.",
         "Prices will be reviewed every six months against an international fertiliser index.",
         "The buyers are three farm cooperatives from Uttar Pradesh and Gujarat."),
        "Karim Tazi, the group's commercial director",
        "This contract gives us visibility until 2031 and confirms our place in the Asian market",
        "Exports of phosphate derivatives rose 14% in the first nine months of the year.",
        "Similar talks are under way with buyers in Brazil and Bangladesh.",
        "The group said the first cargo would leave Jorf Lasfar before the end of the month.",
    ),
    "film-festival": T(
        ("Oriental Images Festival opens ninth edition in Oujda",
         "Oujda screens 48 films as Oriental Images Festival bets on debut features"),
        "The ninth Oriental Images Festival opened in Oujda on Friday evening with 48 films "
        "from 19 countries.",
        ("Twelve features compete for the main prize, seven of them first films.",
         "The jury is chaired by visiting Tunisian director Leila Ben Salem.",
         "Free open-air screenings are held every evening on 16 August Square."),
        "artistic director Mehdi Alaoui",
        "We want audiences in the Oriental region to see these films before Paris or Berlin does",
        "Last year the festival drew nearly 30,000 viewers.",
        "Winners will be announced at the closing night next Thursday.",
        "Two extra screenings were added because of demand.",
    ),
    "startup-funding": T(
        ("Casablanca fintech Sahlpay raises $12 million",
         "Sahlpay closes record round for a Moroccan payments start-up"),
        "Sahlpay, a Casablanca start-up that lets small shopkeepers take mobile payments, said it "
        "had raised $12 million.",
        ("The round was led by a Lagos-based pan-African fund, joined by two local investors.",
         "The app claims 85,000 active merchants and 1.2 million users.",
         "The company employs 64 people and plans to double headcount by 2028."),
        "co-founder Salma Idrissi",
        "The corner grocer should be able to get paid without an expensive terminal; that is the whole idea",
        "Start-ups in the country raised about $90 million last year.",
        "The company is aiming for Senegal and Ivory Coast in the second half.",
        "The company confirmed a fourth investor has joined the round.",
    ),
    "marathon": T(
        ("Kiptoo smashes Marrakech marathon course record",
         "Record run in Marrakech as 12,000 take to the streets"),
        "Kenya's Peter Kiptoo won the Marrakech marathon on Sunday in 2:05:41, taking more than a "
        "minute off the course record.",
        ("Fatima Zahra Bennani won the women's race in 2:24.",
         "More than 12,000 runners started, a third of them from abroad.",
         "The flat course ran through the palm grove for the first time."),
        "Fatima Zahra Bennani",
        "I ran for my mother, who was waiting for me on the final straight",
        "The race has become one of the fastest marathons on the continent.",
        "Organisers are seeking an international label from next year.",
        "The winning time was ratified by the federation on Monday.",
    ),
    "water-summit": T(
        ("African water ministers meet in Rabat as drought bites",
         "Forty African ministers gather in Rabat for water summit"),
        "Water ministers from forty African countries met in Rabat on Wednesday for a two-day "
        "summit on water stress and infrastructure finance.",
        ("Delegates are discussing a $5 billion common fund for desalination and wastewater reuse.",
         "The African Development Bank presented a report on leaks in distribution networks.",
         "A final declaration is expected to set drinking-water targets for 2035."),
        "the host country's water minister",
        "No country will win the water battle alone; we have to pool what we know",
        "According to the United Nations, more than 400 million Africans lack safe drinking water.",
        "The next meeting will be held in Kenya in two years.",
        "The Rabat declaration was adopted by consensus on Thursday night.",
    ),
    "data-center": T(
        ("Atlas Cloud breaks ground on 50MW data centre in Benguerir",
         "Atlas Cloud bets 2 billion dirhams on AI-ready data centre"),
        "Operator Atlas Cloud laid the first stone of a 50-megawatt data centre in Benguerir on "
        "Tuesday, an investment of 2 billion dirhams.",
        ("The site will run 80% on solar power bought from a neighbouring producer.",
         "It will host servers for artificial-intelligence workloads.",
         "Cooling will use recycled water rather than the local aquifer."),
        "Atlas Cloud chairman Omar Benjelloun",
        "Companies want to keep their data in the country; we are giving them the capacity",
        "Demand for local storage has tripled since the data-protection law was passed.",
        "The first phase is due to go live at the end of 2027.",
        "The group confirmed it has signed its first banking customer.",
    ),
}
