namespace MaskBench.Stages.Data;

/// <summary>One object of a synthetic image: a polygon (a rectangle, a triangle or a many-sided disc) and its colour.</summary>
sealed record Shape(int CategoryId, IReadOnlyList<(double X, double Y)> Polygon, (byte R, byte G, byte B) Colour)
{
    public static Shape Random(Random random, int width, int height)
    {
        var category = random.Next(1, 4);
        var size = random.Next(Math.Min(width, height) / 8, Math.Min(width, height) / 3);
        var cx = random.Next(size, width - size);
        var cy = random.Next(size, height - size);
        var corners = category switch
        {
            1 => 4, // square
            2 => 24, // disc
            _ => 3, // triangle
        };
        var turn = random.NextDouble() * Math.PI;
        var polygon = Enumerable
            .Range(0, corners)
            .Select(k => turn + 2 * Math.PI * k / corners)
            .Select(angle => (Math.Round(cx + size * Math.Cos(angle), 1), Math.Round(cy + size * Math.Sin(angle), 1)))
            .ToList();
        return new Shape(category, polygon, ((byte)random.Next(40, 256), (byte)random.Next(40, 256), (byte)random.Next(40, 256)));
    }

    public (double X, double Y, double Width, double Height) Box
    {
        get
        {
            var (x0, y0) = (Polygon.Min(p => p.X), Polygon.Min(p => p.Y));
            return (x0, y0, Polygon.Max(p => p.X) - x0, Polygon.Max(p => p.Y) - y0);
        }
    }

    /// <summary>The shoelace area of the polygon, as COCO records it.</summary>
    public double Area =>
        Math.Abs(Polygon.Select((p, i) => p.X * Polygon[(i + 1) % Polygon.Count].Y - Polygon[(i + 1) % Polygon.Count].X * p.Y).Sum()) / 2;

    /// <summary>Paints the polygon by even-odd scanline fill, sampling each pixel at its centre.</summary>
    public void Paint(byte[] rgb, int width, int height)
    {
        for (var y = 0; y < height; y++)
        {
            var crossings = new List<double>();
            var sy = y + 0.5;
            for (var i = 0; i < Polygon.Count; i++)
            {
                var (a, b) = (Polygon[i], Polygon[(i + 1) % Polygon.Count]);
                if ((a.Y <= sy) != (b.Y <= sy))
                    crossings.Add(a.X + (sy - a.Y) / (b.Y - a.Y) * (b.X - a.X));
            }
            crossings.Sort();
            for (var k = 0; k + 1 < crossings.Count; k += 2)
            for (
                var x = Math.Max(0, (int)Math.Ceiling(crossings[k] - 0.5));
                x < Math.Min(width, (int)Math.Ceiling(crossings[k + 1] - 0.5));
                x++
            )
                (rgb[(y * width + x) * 3], rgb[(y * width + x) * 3 + 1], rgb[(y * width + x) * 3 + 2]) = Colour;
        }
    }
}
