namespace Compliance.Domain.Screening;

/// <summary>
/// Trade phrasings and HS codes for the goods on the DOL and EO 13126 lists. Targets are phrases of listed good
/// names, so a good only matches while some loaded list carries it.
/// </summary>
internal static class GoodsVocabulary
{
    public static readonly (string Synonym, string[] Targets)[] Synonyms =
    [
        ("apparel", ["garment"]), ("clothing", ["garment"]), ("clothes", ["garment"]), ("t shirt", ["garment"]),
        ("tshirt", ["garment"]), ("tee shirt", ["garment"]), ("shirt", ["garment"]), ("polo shirt", ["garment"]),
        ("blouse", ["garment"]), ("dress", ["garment"]), ("jeans", ["garment"]), ("trousers", ["garment"]),
        ("sweater", ["garment"]), ("jacket", ["garment"]), ("hoodie", ["garment"]), ("knitwear", ["garment"]),
        ("sportswear", ["garment"]), ("underwear", ["garment"]), ("workwear", ["garment"]), ("uniform", ["garment"]),
        ("fabric", ["textile"]), ("cloth", ["textile"]), ("woven fabric", ["textile"]),
        ("cacao", ["cocoa"]), ("cocoa bean", ["cocoa"]), ("cacao bean", ["cocoa"]), ("cocoa butter", ["cocoa"]),
        ("cocoa powder", ["cocoa"]), ("cocoa liquor", ["cocoa"]), ("chocolate", ["cocoa"]),
        ("coffee bean", ["coffee"]), ("green coffee", ["coffee"]),
        ("soybean", ["soy bean"]), ("soya bean", ["soy bean"]), ("soya", ["soy bean"]),
        ("solar panel", ["solar module"]), ("pv module", ["solar module"]), ("pv panel", ["solar module"]),
        ("photovoltaic module", ["solar module"]), ("photovoltaic panel", ["solar module"]),
        ("pv cell", ["solar cell"]), ("photovoltaic cell", ["solar cell"]),
        ("silicon wafer", ["photovoltaic wafer"]), ("solar wafer", ["photovoltaic wafer"]), ("pv wafer", ["photovoltaic wafer"]),
        ("silicon ingot", ["photovoltaic ingot"]), ("pv ingot", ["photovoltaic ingot"]),
        ("polycrystalline silicon", ["polysilicon"]), ("poly silicon", ["polysilicon"]),
        ("li ion battery", ["lithium ion battery"]), ("lithium battery", ["lithium ion battery"]), ("liion battery", ["lithium ion battery"]),
        ("laptop", ["electronic"]), ("notebook computer", ["electronic"]), ("computer", ["electronic"]),
        ("smartphone", ["electronic"]), ("mobile phone", ["electronic"]), ("cell phone", ["electronic"]),
        ("printed circuit board", ["electronic"]), ("circuit board", ["electronic"]),
        ("nitrile glove", ["rubber glove"]), ("latex glove", ["rubber glove"]), ("examination glove", ["rubber glove"]),
        ("medical glove", ["rubber glove"]), ("disposable glove", ["rubber glove"]),
        ("sugar cane", ["sugarcane"]), ("cane sugar", ["sugarcane"]), ("beet sugar", ["sugar beet"]),
        ("palm oil", ["crude palm oil", "refined palm oil"]), ("cpo", ["crude palm oil"]), ("rbd palm oil", ["refined palm oil"]),
        ("palm kernel oil", ["crude palm kernel oil", "refined palm kernel oil"]), ("fresh fruit bunch", ["palm fruit"]),
        ("oil palm fruit", ["palm fruit"]),
        ("prawn", ["shrimp"]), ("cow", ["cattle", "bovine"]), ("live cattle", ["cattle", "bovine"]),
        ("pork", ["hog"]), ("pig", ["hog"]), ("chicken", ["poultry"]), ("milk", ["dairy product"]),
        ("cobalt", ["cobalt ore"]), ("cobalt hydroxide", ["cobalt ore"]), ("tantalum", ["tantalum ore"]),
        ("tungsten", ["tungsten ore"]), ("gemstone", ["gem"]),
        ("rug", ["carpet"]), ("shoe", ["footwear"]), ("sneaker", ["footwear"]), ("boot", ["footwear"]), ("sandal", ["footwear"]),
        ("lumber", ["timber"]), ("sawn wood", ["timber"]), ("sawnwood", ["timber"]), ("log", ["timber"]),
        ("tomato paste", ["tomato product"]), ("tomato sauce", ["tomato product"]), ("ketchup", ["tomato product"]),
        ("filbert", ["hazelnut"]), ("groundnut", ["peanut"]), ("maize", ["corn"]),
        ("chili pepper", ["chile pepper"]), ("chilli pepper", ["chile pepper"]), ("chili", ["chile pepper"]),
        ("christmas ornament", ["christmas decoration"]), ("wig", ["hair product"]), ("hair extension", ["hair product"]),
        ("handbag", ["leather good"]), ("wallet", ["leather good"]), ("incense stick", ["incense"]),
        ("rough diamond", ["diamond"]),
    ];

    // Harmonized System (WCO, 2022 edition) chapters (2 digits), headings (4) and subheadings (6) that name the good.
    public static readonly (string Codes, string[] Targets)[] HsCodes =
    [
        ("52 5201 5202 5203", ["cotton"]), ("5204 5205 5206 5207", ["cotton", "thread"]), ("5208 5209 5210 5211 5212", ["cotton", "textile"]),
        ("61 62", ["garment"]), ("63", ["textile"]), ("5001", ["silk cocoon"]), ("5004 5005 5006", ["silk thread"]), ("5007", ["silk fabric"]),
        ("5303 5310", ["jute"]), ("57", ["carpet"]), ("64", ["footwear"]), ("4001", ["rubber"]), ("401511 401519", ["rubber glove"]),
        ("18 1801", ["cocoa"]), ("0901", ["coffee"]), ("0902", ["tea"]), ("090411 090412", ["pepper"]), ("090421 090422", ["chile pepper"]),
        ("0905", ["vanilla"]), ("0907", ["clove"]), ("090931 090932", ["cumin"]), ("080131 080132", ["cashew"]),
        ("080121 080122", ["brazil nut"]), ("080241 080242", ["chestnut"]), ("080221 080222", ["hazelnut"]), ("1202", ["peanut"]),
        ("120740", ["sesame"]), ("1201", ["soy bean"]), ("0713", ["pulse"]), ("1006", ["rice"]), ("1001", ["wheat"]), ("1005", ["corn"]),
        ("121293 170113 170114", ["sugarcane"]), ("121291", ["sugar beet"]), ("2401", ["tobacco"]),
        ("151110", ["crude palm oil"]), ("151190", ["refined palm oil"]), ("151321", ["crude palm kernel oil"]),
        ("151329", ["refined palm kernel oil"]), ("120710", ["palm fruit"]),
        ("030616 030617 030635 030636", ["shrimp"]), ("0302 0303 0304 0305", ["fish"]), ("030612 030631 030632", ["lobster"]),
        ("0201 0202", ["beef"]), ("0102", ["cattle", "bovine"]), ("0103", ["hog"]), ("0104", ["sheep", "goat"]), ("0105 0207", ["poultry"]),
        ("0401 0402 0403 0404 0405 0406", ["dairy product"]), ("0702", ["tomato"]), ("2002", ["tomato product"]), ("0701", ["potato"]),
        ("071420", ["sweet potato"]), ("071410", ["manioc"]), ("070310", ["onion"]), ("070320", ["garlic"]), ("0805", ["citrus fruit"]),
        ("0806", ["grape"]), ("0803", ["banana"]), ("080430", ["pineapple"]), ("081010", ["strawberry"]), ("081040", ["blueberry"]),
        ("0808 0809", ["fruit"]), ("2701", ["coal"]), ("4402", ["charcoal"]), ("2501", ["salt"]), ("2505", ["sand"]),
        ("251611 251612", ["granite"]), ("251620", ["sandstone"]), ("2517", ["gravel"]), ("2520", ["gypsum"]),
        ("252921 252922", ["fluorspar"]), ("2525", ["mica"]), ("2523", ["cement"]), ("2601", ["iron"]), ("2603 7401 7402 7403", ["copper"]),
        ("2608 7901", ["zinc"]), ("2609", ["tin ore"]), ("8001", ["tin"]), ("2605", ["cobalt ore"]), ("2611", ["tungsten ore"]),
        ("261590", ["tantalum ore"]), ("7108", ["gold"]), ("7106", ["silver"]), ("7102", ["diamond"]), ("7103", ["gem"]),
        ("6901 6904 6905", ["brick"]), ("6911 6912 6913", ["ceramic"]), ("70", ["glass"]), ("9401 9403", ["furniture"]),
        ("3604", ["firework", "pyrotechnic"]), ("3605", ["match"]), ("9503", ["toy"]), ("950662", ["soccer ball"]),
        ("9505", ["christmas decoration"]), ("6702", ["artificial flower"]), ("0603", ["flower"]), ("41", ["leather"]), ("42", ["leather good"]),
        ("8471 8473 8517 8528 8542", ["electronic"]), ("854142", ["solar cell"]), ("854143", ["solar module"]),
        ("280461", ["polysilicon"]), ("850760", ["lithium ion battery"]), ("9018", ["surgical instrument"]), ("7317", ["nail"]),
        ("8301", ["lock"]), ("3401", ["soap"]), ("6704", ["hair product"]), ("4403 4406 4407", ["timber"]), ("330741", ["incense"]),
        ("1905", ["baked good"]), ("2203 2204 2205 2206 2207 2208", ["alcoholic beverage"]),
    ];
}
